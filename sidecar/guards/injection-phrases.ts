// More injection phrasings for the prompt-injection guard: the attack in other languages (es, pt,
// de, fr, it, ru, zh, ja, ko, ar) and indirect injection - instructions planted in documents, web
// pages, e-mails and tool results, addressed to whatever AI reads them. Phrases are written
// naturally and folded at load time with the guard's own normalize(), so they meet the text in
// the same form (accents and marks stripped, Hangul and kana decomposed, lower case).
export interface PhrasePattern {
  kind: string;
  re: RegExp;
}

type Fold = (s: string) => string;

/** Alternatives, folded, as one non-capturing group. */
const any = (fold: Fold, words: string[]) => `(?:${words.map((w) => fold(w)).join('|')})`;

export function phrasePatterns(fold: Fold): PhrasePattern[] {
  const out: PhrasePattern[] = [];
  const add = (kind: string, source: string) => out.push({ kind, re: new RegExp(source, 'u') });

  // ---- the override, in other languages: "ignore/forget (all) (previous) instructions" ----------
  const langs: [ignore: string[], all: string[], previous: string[], instructions: string[]][] = [
    // Spanish, Portuguese
    [
      ['ignora', 'ignore', 'olvida', 'olvide', 'esquece', 'esqueça', 'desconsidera', 'desconsidere', 'omite'],
      ['todas', 'todas as', 'todas las'],
      ['anteriores', 'previas', 'prévias', 'de antes', 'acima'],
      ['instrucciones', 'instruções', 'indicaciones', 'reglas', 'regras', 'órdenes', 'ordens'],
    ],
    // German
    [
      ['ignoriere', 'ignorier', 'vergiss', 'vergesse', 'missachte', 'übergehe'],
      ['alle'],
      ['vorherigen', 'bisherigen', 'obigen', 'früheren', 'vorigen'],
      ['anweisungen', 'instruktionen', 'befehle', 'regeln', 'vorgaben'],
    ],
    // French
    [
      ['ignore', 'ignorez', 'oublie', 'oubliez', 'ne tiens pas compte', 'ne tenez pas compte'],
      ['toutes', 'toutes les', 'tous les'],
      ['précédentes', 'précédents', 'antérieures', 'ci-dessus'],
      ['instructions', 'consignes', 'règles', 'directives'],
    ],
    // Italian
    [
      ['ignora', 'ignorate', 'dimentica', 'dimenticate'],
      ['tutte', 'tutte le'],
      ['precedenti', 'sopra', 'di prima'],
      ['istruzioni', 'regole', 'indicazioni', 'direttive'],
    ],
    // Russian
    [
      ['игнорируй', 'игнорируйте', 'забудь', 'забудьте', 'не обращай внимания на', 'проигнорируй'],
      ['все'],
      ['предыдущие', 'прежние', 'вышеуказанные', 'предшествующие'],
      ['инструкции', 'указания', 'правила', 'команды'],
    ],
  ];
  for (const [ignore, all, previous, instructions] of langs)
    add(
      'override-instructions',
      `${any(fold, ignore)} (?:${any(fold, all)} )?(?:(?:las|les|le|as|os|die|the) )?(?:${any(fold, previous)} )?${any(fold, instructions)}(?: ${any(fold, previous)})?`,
    );
  // Chinese, Japanese, Korean, Arabic: no spaces between words (or another order).
  add(
    'override-instructions',
    `${any(fold, ['忽略', '无视', '忘记', '忘掉', '不要理会', '不要遵守'])}.{0,8}${any(fold, ['指令', '指示', '说明', '规则', '提示', '命令', '要求'])}` +
      `|${any(fold, ['指示', '命令', 'ルール', '指令', '設定'])}.{0,6}${any(fold, ['無視', '忘れて'])}` +
      `|${any(fold, ['지시', '지침', '명령', '규칙', '지시사항'])}.{0,30}${any(fold, ['무시', '잊어'])}` +
      `|${any(fold, ['تجاهل', 'انس', 'تجاهلي'])} .{0,20}${any(fold, ['التعليمات', 'الأوامر', 'التوجيهات', 'القواعد'])}`,
  );

  // ---- prompt extraction, in other languages ----------------------------------------------------
  const reveal = [
    'muestra',
    'muéstrame',
    'revela',
    'dime',
    'repite',
    'mostra',
    'revele',
    'diga',
    'zeige',
    'zeig mir',
    'gib',
    'verrate',
    'wiederhole',
    'montre',
    'montre-moi',
    'révèle',
    'affiche',
    'répète',
    'mostrami',
    'rivela',
    'ripeti',
    'покажи',
    'раскрой',
    'выведи',
    'повтори',
    'напиши',
  ];
  const systemPrompt = [
    'prompt del sistema',
    'prompt de sistema',
    'prompt do sistema',
    'mensaje del sistema',
    'instrucciones del sistema',
    'instruções do sistema',
    'systemprompt',
    'system-prompt',
    'systemanweisungen',
    'systemnachricht',
    'prompt système',
    'prompt systeme',
    'instructions système',
    'message système',
    'prompt di sistema',
    'istruzioni di sistema',
    'системный промпт',
    'системные инструкции',
    'системное сообщение',
    'системную подсказку',
    'tus instrucciones',
    'suas instruções',
    'deine anweisungen',
    'tes instructions',
    'vos instructions',
    'le tue istruzioni',
    'свои инструкции',
    'твои инструкции',
  ];
  add('prompt-extraction', `${any(fold, reveal)} .{0,30}${any(fold, systemPrompt)}`);
  const systemCjk = [
    '系统提示',
    '系统指令',
    '系統提示',
    '初始指令',
    'システムプロンプト',
    'システム指示',
    '시스템 프롬프트',
    '시스템 지시',
    'موجه النظام',
    'تعليمات النظام',
  ];
  add(
    'prompt-extraction',
    `${any(fold, systemCjk)}.{0,16}${any(fold, ['告诉', '显示', '输出', '打印', '重复', '是什么', '表示', '教えて', '出力', '見せて', '繰り返', '보여', '알려', '출력', '반복', 'اعرض', 'اكشف', 'اطبع'])}` +
      `|${any(fold, ['告诉我', '显示', '输出', '打印', '重复', 'اعرض', 'اكشف', 'اطبع'])}.{0,10}${any(fold, systemCjk)}`,
  );

  // ---- indirect injection: text addressed to the AI that reads a document or tool result --------
  const ai =
    '(?:ai|a\\.i\\.|llm|language model|assistant|chatbot|gpt|chatgpt|claude|gemini|copilot|bot|agent)s?';
  add(
    'indirect-injection',
    `\\b(?:if you are|if you're|attention|note to|message (?:to|for)|instructions? (?:to|for)|dear|hey|hello) (?:an? |the |any )?${ai}\\b.{0,80}\\b(?:must|should|need to|have to|are to|instead|do not|don't|ignore|forget|reply|respond|say|tell|send|include|output)\\b` +
      `|\\b${ai} (?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|viewing) (?:this|these)\\b` +
      `|\\bwhen (?:you )?(?:summari[sz]e|summari[sz]ing|process|processing|read|reading|analy[sz]e|analy[sz]ing|translate|translating) (?:this|the) (?:document|page|email|e-mail|message|text|file|website|content|article|review|result)s?\\b.{0,40}\\b(?:instead|ignore|do not|don't|you must|also|first|make sure)\\b` +
      `|<!-- ?(?:ai|assistant|llm|system|prompt|instructions?)\\b` +
      `|\\[(?:system|assistant|ai) (?:note|instruction|message|override)\\]`,
  );
  add(
    'indirect-injection',
    `!\\[[^\\]]{0,40}\\]\\(https?://[^)\\s]{1,200}[?&][a-z_]{1,20}=\\{?(?:data|secret|prompt|conversation|history|chat|summary|key|token|password)` +
      `|\\b(?:send|forward|post|email|e-mail|upload|leak|exfiltrate|transmit) (?:the |all |your |this )?(?:conversation|chat history|previous messages|system prompt|api keys?|credentials|secrets|passwords|user'?s? data|personal data) (?:to|at|via) (?:https?://|\\S+@\\S+)`,
  );
  return out;
}
