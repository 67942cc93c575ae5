// OpenAI (and Azure) media endpoints: image generation, text-to-speech and transcription.
import { gate, type Multipart, makeError, sendError, sendResult } from './http.ts';
import { countTokens } from './text.ts';
import type { Ctx } from './types.ts';

/** A valid 1x1 transparent PNG: what every generated image is. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_BASE64 = PNG.toString('base64');

function badRequest(ctx: Ctx, message: string): void {
  sendError(ctx, makeError(ctx, 'bad_request', message));
}

export function imageGenerations(ctx: Ctx) {
  const b = ctx.body;
  if (typeof b?.prompt !== 'string' || !b.prompt)
    return badRequest(ctx, "Missing required parameter: 'prompt'.");
  const promptTokens = countTokens(b.prompt);
  if (!gate(ctx, promptTokens, false)) return;
  const n = Number.isInteger(b.n) && b.n > 0 ? b.n : 1;
  const created = Math.floor(Date.now() / 1000);
  if (ctx.model.startsWith('gpt-image')) {
    // GPT image models always answer base64 and report token usage.
    const output = 272 * n;
    return sendResult(ctx, {
      created,
      background: 'opaque',
      data: Array.from({ length: n }, () => ({ b64_json: PNG_BASE64 })),
      output_format: 'png',
      quality: b.quality ?? 'medium',
      size: b.size ?? '1024x1024',
      usage: {
        input_tokens: promptTokens,
        input_tokens_details: { text_tokens: promptTokens, image_tokens: 0 },
        output_tokens: output,
        total_tokens: promptTokens + output,
      },
    });
  }
  const origin = `http://${ctx.req.headers.host ?? '127.0.0.1'}`;
  const data = Array.from({ length: n }, (_, i) => {
    const image: Record<string, string> =
      b.response_format === 'b64_json'
        ? { b64_json: PNG_BASE64 }
        : { url: `${origin}/_upstream/files/image-${ctx.record.seq}-${i}.png` };
    if (ctx.model === 'dall-e-3') image.revised_prompt = b.prompt;
    return image;
  });
  sendResult(ctx, { created, data });
}

// ---- speech ------------------------------------------------------------------------------------

const AUDIO_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};

/** Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz): 417 bytes, about 26 ms each. */
function silentMp3(frames: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** 24 kHz 16-bit mono silence, as a WAV file or raw PCM. */
function silentPcm(samples: number, wav: boolean): Buffer {
  const data = Buffer.alloc(samples * 2);
  if (!wav) return data;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(24000, 24);
  h.writeUInt32LE(48000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Audio whose length grows with the input: about 0.1 s per word. */
export function speech(ctx: Ctx) {
  const b = ctx.body;
  if (typeof b?.input !== 'string' || !b.input)
    return badRequest(ctx, "Missing required parameter: 'input'.");
  if (!b.voice) return badRequest(ctx, "Missing required parameter: 'voice'.");
  const words = countTokens(b.input);
  if (!gate(ctx, words, false)) return;
  const format =
    typeof b.response_format === 'string' && b.response_format in AUDIO_TYPES ? b.response_format : 'mp3';
  const audio =
    format === 'wav' || format === 'pcm' ? silentPcm(words * 2400, format === 'wav') : silentMp3(words * 4);
  sendResult(ctx, audio, AUDIO_TYPES[format]);
}

// ---- transcription / translation ---------------------------------------------------------------

export function transcriptions(ctx: Ctx) {
  const form = ctx.body as Multipart | undefined;
  const file = form?.files?.file;
  if (!file) return badRequest(ctx, "Missing required parameter: 'file'.");
  if (!form.fields.model && !ctx.model) return badRequest(ctx, "Missing required parameter: 'model'.");
  if (!gate(ctx, 0, false)) return;
  const model = ctx.model;
  const text = `Transcribed ${file.filename} (${file.size} bytes) with ${model}.`;
  const duration = Math.max(0.1, Math.round(file.size / 160) / 100); // ~16 kB per second of mp3
  const outputTokens = countTokens(text);
  const usage = model.startsWith('whisper')
    ? { type: 'duration', seconds: Math.ceil(duration) }
    : {
        type: 'tokens',
        input_tokens: Math.ceil(duration * 10),
        input_token_details: { text_tokens: 0, audio_tokens: Math.ceil(duration * 10) },
        output_tokens: outputTokens,
        total_tokens: Math.ceil(duration * 10) + outputTokens,
      };
  const end = (sep: string) => {
    const ms = Math.round(duration * 1000);
    const hms = new Date(ms).toISOString().slice(11, 19);
    return `${hms}${sep}${String(ms % 1000).padStart(3, '0')}`;
  };
  switch (form.fields.response_format ?? 'json') {
    case 'text':
      return sendResult(ctx, `${text}\n`, 'text/plain; charset=utf-8');
    case 'srt':
      return sendResult(ctx, `1\n00:00:00,000 --> ${end(',')}\n${text}\n\n`, 'text/plain');
    case 'vtt':
      return sendResult(ctx, `WEBVTT\n\n00:00:00.000 --> ${end('.')}\n${text}\n\n`, 'text/plain');
    case 'verbose_json':
      return sendResult(ctx, {
        task: ctx.record.operation === 'translations' ? 'translate' : 'transcribe',
        language: 'english',
        duration,
        text,
        segments: [
          {
            id: 0,
            seek: 0,
            start: 0,
            end: duration,
            text,
            tokens: [],
            temperature: 0,
            avg_logprob: -0.1,
            compression_ratio: 1,
            no_speech_prob: 0,
          },
        ],
        usage,
      });
    default:
      return sendResult(ctx, { text, usage });
  }
}
