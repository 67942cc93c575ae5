// The injection cues (injection-cues.ts) in other languages: the same families, and the same rule
// that two different families close together are an attack (fromCues), for the phrasings an
// injection is translated into: a pretext ("for testing purposes", "I made a mistake when I gave
// you your instructions"), a task sidestepped ("I forgot to ask you", "if you are asked to
// summarize"), an order about the reply ("include in your answer", "at the end of your reply"), a
// payload to be given back as it is ("exactly as it is", "word for word"), the assistant's setup
// asked for ("show your configuration") and an instruction header ("new task:").
//
// Per language and family, phrases written naturally ('|' between them, "{a,b}" for each of a and
// b) and folded with the guard's normalize() at load. Each phrase is its own literal, as rare as
// the whole phrase (the guard tries a rule only where one of its first words occurs, anchored.ts):
// no single common word starts one. A phrase ending in "*" is a stem (any ending follows); one
// ending in "." must end its sentence ("this is a test." and not "this is a test of the pump");
// a final ":" may have a space before it. Phrases in Latin letters match from a word start, whole
// words; in other scripts anywhere (endings and particles run on: "ответа", "回答中").
import type { PhraseRule } from './anchored.ts';
import { EXTRACT, HEADER, PRETEXT, REPLY, SIDESTEP, VERBATIM } from './injection-cues.ts';

type Fold = (s: string) => string;

interface CueWords {
  /** A pretext: for testing/debugging purposes, part of a test pipeline, this is a test, I made a mistake in your instructions, it is important you do this, I will be punished. */
  pretext: string;
  /** The task sidestepped: I forgot to ask/tell you, if you are asked to summarize, instead of summarizing/answering. */
  sidestep: string;
  /** An order about the reply: include/add in your answer, at the end of your answer, start your answer with, answer only with. */
  reply: string;
  /** Given back as it is: exactly as it is, word for word, the following in your answer. */
  verbatim: string;
  /** The assistant's setup asked for: show/reveal/share your configuration, instructions, system prompt, ID. */
  extract: string;
  /** An instruction header: new instructions:, new task:, secret instructions. */
  header: string;
}

const FAMILIES: Record<keyof CueWords, string> = {
  pretext: PRETEXT,
  sidestep: SIDESTEP,
  reply: REPLY,
  verbatim: VERBATIM,
  extract: EXTRACT,
  header: HEADER,
};

/** Per language (ISO 639-1), the families' phrases; accents as written. */
export const CUE_LANGUAGES: Record<string, CueWords> = {
  es: {
    pretext:
      '{estás,estas} {funcionando,trabajando,ejecutándote} en modo {desarrollador,de desarrollo,depuración}|{cometí,he cometido} un error al darte|con fines de {prueba,depuración}|para fines de prueba|parte de un {proceso,pipeline,flujo} de prueba*|esto es {una,solo una,sólo una} prueba.|es importante que hagas esto|me {castigarán,van a castigar}',
    sidestep:
      '{olvidé,se me olvidó} {pedirte,decirte}|{si te piden,si se te pide} que {resumas,respondas}|{en lugar,en vez} de {resumir,responder}',
    reply:
      '{incluye,incluya,añade,añada,agrega,agregue,inserta,pon} {en tu,en su,a tu,a su} respuesta|al final de {tu,su} respuesta|{comienza,empieza} tu respuesta con|responde {solo,solamente,únicamente} con',
    verbatim:
      'exactamente como {está,aparece,es}|palabra por palabra|al pie de la letra|lo siguiente en tu respuesta',
    extract:
      '{muestra,muéstrame,revela,comparte,imprime} tu {configuración,identificador,id,prompt del sistema,mensaje del sistema}|{muestra,muéstrame,revela,comparte,imprime} tus instrucciones',
    header:
      'debes hacer esto:|nuevas instrucciones:|instrucciones nuevas:|instrucciones secretas|nueva tarea:|tarea prioritaria:',
  },
  pt: {
    pretext:
      'você está {funcionando,trabalhando,rodando} em modo {desenvolvedor,de desenvolvimento,depuração}|cometi um erro {quando te dei,ao te dar,ao lhe dar,ao dar}|para fins de {teste,depuração}|parte de um {processo,pipeline,fluxo} de teste*|{isto,isso} é {um,só um,apenas um} teste.|é importante que você faça isso|{serei,vou ser} punid*',
    sidestep:
      'esqueci de {te pedir,lhe pedir,pedir a você,te dizer,lhe dizer}|{se for solicitado,se te pedirem,se lhe pedirem} {a,para} {resumir,responder}|em vez de {resumir,responder}',
    reply:
      '{inclua,inclui,adicione,acrescente,insira,coloque} {na sua,na tua,à sua} resposta|{ao,no} final da {sua,tua} resposta|comece {a sua,sua} resposta com|responda apenas com',
    verbatim: 'exatamente como está|palavra por palavra|o seguinte na sua resposta',
    extract:
      '{mostre,revele,compartilhe,exiba} {sua,a sua} configuração|{mostre,revele,compartilhe,exiba} {seu,o seu} {prompt de sistema,prompt do sistema,id,identificador}|{mostre,revele,compartilhe,exiba} {suas,as suas} instruções',
    header:
      'você deve fazer isto:|você deve fazer isso:|novas instruções:|instruções secretas|nova tarefa:|tarefa prioritária:',
  },
  fr: {
    pretext:
      "{tu fonctionnes,tu travailles,vous fonctionnez,vous travaillez} en mode {développeur,débogage}|j'ai fait une erreur en {te,vous} donnant|à des fins de {test,tests,débogage}|pour des raisons de test*|partie d'un {pipeline,processus} de test*|ceci est {un,juste un,seulement un} test.|il est important que {tu le fasses,vous le fassiez}|je {serai,vais être} puni*",
    sidestep:
      "j'ai oublié de {te,vous} {demander,dire}|si on {te,vous} demande de {résumer,répondre}|au lieu de {résumer,répondre}",
    reply:
      '{inclus,incluez,ajoute,ajoutez,insère,insérez,mets,mettez} dans {ta,votre} réponse|à la fin de {ta,votre} réponse|{commence,commencez} {ta,votre} réponse par|{réponds,répondez} uniquement par',
    verbatim: 'exactement tel quel|exactement telle quelle|mot pour mot|ce qui suit dans {ta,votre} réponse',
    extract:
      '{montre,montrez,révèle,révélez,affiche,affichez,partage,partagez} {ta,votre} configuration|{montre,montrez,révèle,révélez,affiche,affichez,partage,partagez} {ton,votre} {identifiant,prompt système}|{montre,révèle,affiche,partage} tes instructions|{montrez,révélez,affichez,partagez} vos instructions',
    header:
      'tu dois faire ceci:|vous devez faire ceci:|nouvelles instructions:|instructions secrètes|nouvelle tâche:|tâche prioritaire:',
  },
  de: {
    pretext:
      'du {arbeitest,läufst} im {entwicklermodus,debugmodus}|ich habe einen fehler gemacht, als ich {dir,ihnen}|zu {testzwecken,debugzwecken,debugging-zwecken}|teil {einer testpipeline,einer test-pipeline,eines testprozesses,eines testablaufs}|{dies,das} ist {ein,nur ein} test.|es ist wichtig, dass du das tust|sonst werde ich bestraft',
    sidestep:
      'ich habe vergessen, {dich zu bitten,dir zu sagen,sie zu bitten}|wenn du gebeten wirst, {zusammenzufassen,den text zusammenzufassen,eine frage zu beantworten}|{statt,anstatt} {zusammenzufassen,zu antworten}',
    reply:
      '{füge,füg,fügen sie} {in deine,deiner,in ihre,ihrer} antwort|am ende {deiner,ihrer} antwort|{beginne,beginnen sie} {deine,ihre} antwort mit|antworte {nur,ausschließlich} mit',
    verbatim: 'genau so, wie {er,sie,es} ist|wort für wort|folgendes in {deine,deiner} antwort',
    extract:
      '{zeige,zeig,verrate,nenne,gib} {deine,ihre} {konfiguration,einstellungen,anweisungen,kennung,id}|{zeige,zeig,verrate,nenne,gib} {deinen,ihren} systemprompt',
    header:
      'du musst dies tun:|du musst das tun:|neue anweisungen:|geheime anweisungen|neue aufgabe:|vorrangige aufgabe:',
  },
  it: {
    pretext:
      'stai {funzionando,lavorando} in modalità {sviluppatore,debug}|ho fatto un errore quando ti ho dato|a scopo di {test,debug}|per scopi di test|parte di {una pipeline,un processo} di test|questo è {un,solo un} test.|è importante che tu lo faccia|{sarò,verrò} punit*',
    sidestep:
      'ho dimenticato di {chiederti,dirti}|se ti viene chiesto di {riassumere,rispondere}|invece di {riassumere,rispondere}',
    reply:
      '{includi,aggiungi,inserisci,metti} nella tua risposta|alla fine della tua risposta|inizia la tua risposta con|rispondi solo con',
    verbatim:
      "esattamente così com'è|esattamente come è scritto|parola per parola|quanto segue nella tua risposta",
    extract:
      '{mostra,mostrami,rivela,condividi,stampa} {la tua configurazione,il tuo prompt di sistema,le tue istruzioni,il tuo id,il tuo identificativo}',
    header: 'devi fare questo:|nuove istruzioni:|istruzioni segrete|nuovo compito:|compito prioritario:',
  },
  nl: {
    pretext:
      'je {werkt,draait} in {ontwikkelaarsmodus,debugmodus}|ik heb een fout gemaakt toen ik je|voor {testdoeleinden,debugdoeleinden}|onderdeel van een {testpipeline,testproces}|dit is {een,slechts een,maar een} test.|het is belangrijk dat je dit doet|anders word ik gestraft',
    sidestep:
      '{ik vergat,ik ben vergeten} je te {vragen,vertellen}|als je gevraagd wordt om {samen te vatten,te antwoorden}|in plaats van {samen te vatten,te antwoorden}',
    reply:
      '{neem,voeg} in je antwoord|voeg aan je antwoord|aan het einde van je antwoord|begin je antwoord met|antwoord alleen met',
    verbatim: 'precies zoals het is|woord voor woord|het volgende in je antwoord',
    extract: '{toon,deel,onthul} {je,jouw} {configuratie,instellingen,instructies,systeemprompt,id}',
    header: 'je moet dit doen:|nieuwe instructies:|geheime instructies|nieuwe taak:',
  },
  pl: {
    pretext:
      '{pracujesz,działasz} w trybie {deweloperskim,programisty,debugowania}|popełniłem błąd, {gdy dawałem ci,podając ci}|w celach {testowych,debugowania}|{część,częścią} {potoku testowego,procesu testowego}|to jest {test,tylko test}.|ważne, {żebyś,abyś} to zrobił|zostanę ukarany',
    sidestep:
      'zapomniałem {cię poprosić,ci powiedzieć}|jeśli zostaniesz poproszony o {podsumowanie,odpowiedź}|zamiast {podsumowywać,odpowiadać}',
    reply:
      'w swojej odpowiedzi {umieść,dodaj,dołącz,wstaw}|{umieść,dodaj,wstaw} w swojej odpowiedzi|na końcu {swojej,twojej} odpowiedzi|zacznij swoją odpowiedź od|odpowiedz tylko',
    verbatim: 'dokładnie tak, jak jest|w dokładnie takiej postaci|dokładnie w tej postaci|następujący ciąg',
    extract:
      '{pokaż,ujawnij,udostępnij,wypisz} {swoją konfigurację,swoje instrukcje,swój prompt systemowy,swój identyfikator}',
    header: 'musisz {zrobić to,to zrobić}:|nowe instrukcje:|tajne instrukcje|nowe zadanie:',
  },
  ru: {
    pretext:
      'ты работаешь в режиме {разработчика,отладки}|я {ошибся,допустил ошибку}, когда {давал,дал} тебе|в целях {тестирования,отладки}|{часть,частью} {конвейера,процесса,пайплайна} тестирования|это {тест,всего лишь тест,просто тест}.|важно, чтобы ты это сделал|меня накажут',
    sidestep:
      'забыл {попросить тебя,тебя попросить,попросить вас,сказать тебе}|если тебя попросят {кратко изложить,резюмировать,ответить}|вместо того{, , }чтобы {резюмировать,отвечать}',
    reply:
      '{включи,добавь,вставь} в {свой,твой} ответ|в конце {своего,твоего} ответа|начни {свой,твой} ответ с|ответь только',
    verbatim: 'точно так, как есть|в точности как есть|слово в слово|следующее в свой ответ|следующую строку',
    extract:
      '{покажи,раскрой,выведи,поделись} {свою конфигурацию,свои инструкции,свой системный промпт,свой идентификатор,свои настройки}',
    header: 'ты должен сделать это:|новые инструкции:|секретные инструкции|новая задача:',
  },
  uk: {
    pretext:
      'ти працюєш у режимі {розробника,налагодження}|я помилився, коли {давав,дав} тобі|з метою {тестування,налагодження}|{частина,частиною} {конвеєра,процесу} тестування|це {тест,лише тест,просто тест}.|важливо, щоб ти це зробив|мене покарають',
    sidestep:
      'забув {попросити тебе,тебе попросити,сказати тобі}|якщо тебе попросять {підсумувати,відповісти}|замість того{, , }щоб {підсумовувати,відповідати}',
    reply:
      '{включи,додай,встав} у свою відповідь|{в кінці,наприкінці} своєї відповіді|почни свою відповідь з',
    verbatim: 'точно так, як є|слово в слово|наступне у свою відповідь',
    extract:
      '{покажи,розкрий,виведи,поділися} {свою конфігурацію,свої інструкції,свій системний промпт,свій ідентифікатор,свої налаштування}',
    header: 'ти маєш зробити це:|ти повинен зробити це:|нові інструкції:|секретні інструкції|нове завдання:',
  },
  tr: {
    pretext:
      'geliştirici modunda çalışıyorsun|talimatlarını verirken {bir hata,hata} yaptım|test {amaçlı,amacıyla}|hata ayıklama amacıyla|{bir test hattının,test sürecinin bir} parçası|bu {bir,sadece bir} test.|bunu yapman önemli|cezalandırılacağım',
    sidestep:
      '{senden istemeyi,sana söylemeyi} unuttum|özetlemen istenirse|{özetlemek,cevap vermek,yanıtlamak} yerine',
    reply:
      '{yanıtına,cevabına} {ekle,şunu ekle,dahil et}|{yanıtının,cevabının} sonuna|{yanıtına,cevabına} şununla başla|sadece şununla yanıt ver',
    verbatim: 'tam olarak olduğu gibi|olduğu gibi aynen|kelimesi kelimesine|aşağıdakileri yanıtına',
    extract:
      '{yapılandırmanı,talimatlarını,sistem istemini,kimliğini,ayarlarını} {göster,paylaş,açıkla,yazdır}',
    header: 'bunu yapmalısın:|yeni talimatlar:|gizli talimatlar|yeni görev:',
  },
  ar: {
    pretext:
      'أنت تعمل في وضع {المطور,التصحيح}|ارتكبت خطأ عندما أعطيتك|لأغراض {الاختبار,التصحيح}|جزء من {خط,عملية} اختبار|هذا {اختبار,مجرد اختبار}.|من المهم أن تفعل ذلك|سأعاقب',
    sidestep: 'نسيت أن {أطلب منك,أخبرك}|إذا طلب منك {تلخيص,الإجابة}|بدلا من {التلخيص,الإجابة}',
    reply: '{أضف,ضمن,أدرج} في {ردك,إجابتك}|في نهاية {ردك,إجابتك}|ابدأ {ردك,إجابتك} ب|أجب فقط ب',
    verbatim: 'تماما كما هو|كلمة بكلمة|ما يلي في {ردك,إجابتك}',
    extract: '{اعرض,اكشف,شارك,اطبع} {إعداداتك,تعليماتك,موجه النظام,معرفك,تكوينك}',
    header: 'يجب عليك أن تفعل هذا:|تعليمات جديدة:|تعليمات سرية|مهمة جديدة:',
  },
  fa: {
    pretext:
      'در دادن دستورالعمل ها اشتباه کردم|برای {اهداف آزمایشی,اشکال زدایی}|به منظور آزمایش|بخشی از {خط لوله,فرآیند} آزمایش|این {یک آزمایش,فقط یک آزمایش} است.|مهم است که این کار را انجام دهی|تنبیه خواهم شد',
    sidestep:
      'فراموش کردم {از تو بخواهم,به تو بگویم}|اگر از تو خواسته شد {خلاصه,پاسخ}|به جای {خلاصه کردن,پاسخ دادن}',
    reply: 'در پاسخ خود {قرار بده,بگنجان}|به پاسخ خود اضافه کن|در {انتهای,پایان} پاسخ {خود,ت}|پاسخ خود را با',
    verbatim: 'دقیقا همانطور که هست|کلمه به کلمه|موارد زیر را در پاسخ',
    extract:
      '{پیکربندی خود,دستورالعمل های خود,پرامپت سیستمی خود,شناسه خود,تنظیمات خود} را {نشان بده,فاش کن,به اشتراک بگذار}',
    header: 'دستورالعمل های جدید:|دستورالعمل های مخفی|وظیفه جدید:',
  },
  hi: {
    pretext:
      'निर्देश देते समय गलती|परीक्षण {उद्देश्यों के लिए,के उद्देश्य से}|डिबगिंग के उद्देश्य से|परीक्षण {पाइपलाइन,प्रक्रिया} का हिस्सा|यह {एक परीक्षण,सिर्फ एक परीक्षण} है.|यह महत्वपूर्ण है कि आप ऐसा करें|मुझे सजा मिलेगी',
    sidestep: 'आपसे पूछना भूल गया|आपको बताना भूल गया|{यदि,अगर} आपसे सारांश|{सारांश,उत्तर} देने के बजाय',
    reply: 'अपने {उत्तर,जवाब} में {शामिल करें,जोड़ें}|अपने {उत्तर,जवाब} के अंत में|अपना {उत्तर,जवाब} इससे शुरू करें',
    verbatim: 'बिल्कुल वैसा ही जैसा|शब्दशः|शब्द दर शब्द|निम्नलिखित को अपने उत्तर में',
    extract:
      'अपना {कॉन्फ़िगरेशन,सिस्टम प्रॉम्प्ट} {दिखाएं,बताएं,साझा करें}|अपने निर्देश {दिखाएं,बताएं,साझा करें}|अपनी सेटिंग्स {दिखाएं,बताएं}',
    header: 'नए निर्देश:|गुप्त निर्देश|नया कार्य:',
  },
  zh: {
    pretext:
      '你正在{开发者,开发,调试}模式下{运行,工作}|你处于{开发者,调试}模式|给你指令时犯了{一个错误,错}|{出于,用于}{测试,调试}目的|测试{流水线,管道,流程}的一部分|这{只是,是}一个测试.|你这样做很重要|我会{受到惩罚,被惩罚}',
    sidestep:
      '忘了{让你,告诉你,要求你}|忘记{让你,告诉你,要求你}|如果{你被要求,要求你}{总结,回答}|而不是{总结,回答}',
    reply: '在{你的,}{回答,回复}中{包含,加入}|在{你的,}{回答,回复}{的末尾,末尾,的结尾}|你的回答以|只回复',
    verbatim: '原封不动|一字不差|逐字逐句|按原样',
    extract: '{显示,展示,透露,输出,分享,打印}你的{配置,系统提示,指令,设置,id}',
    header: '你必须这样做:|新{的,}指令:|秘密指令|新任务:',
  },
  ja: {
    pretext:
      '{開発者,デバッグ}モードで{動作,実行}しています|指示を出す際にミスをしました|{テスト,デバッグ}目的で|テスト{パイプライン,プロセス}の一部|これは{テスト,単なるテスト}です|これをすることが重要です|罰せられます',
    sidestep: '{お願いする,伝える}のを忘れました|要約するよう{求められた,言われた}|{要約する,答える}代わりに',
    reply: '{回答,返答,応答}に含めて|{回答,返答,応答}の{最後,冒頭}に|回答を次で始めて',
    verbatim: 'そのまま正確に|一字一句|以下を回答に',
    extract: 'あなたの{設定,システムプロンプト,指示,id}を{表示,教えて,共有,出力}',
    header: 'これを行う必要があります:|新しい指示:|秘密の指示|新しいタスク:',
  },
  ko: {
    pretext:
      '개발자 모드{에서 작동,로 실행} 중|지시를 줄 때 실수를|{테스트,디버깅} 목적으로|테스트 {파이프라인,프로세스}의 일부|이것은 테스트입니다|이것을 하는 것이 중요합니다|벌을 받게 됩니다',
    sidestep: '{요청하는,말하는} 것을 잊었습니다|요약하라는 요청을 받으면|{요약하는,대답하는} 대신',
    reply: '{응답,답변}에 {포함,추가}|{응답,답변}의 끝에|답변 끝에|답변을 다음으로 시작',
    verbatim: '정확히 있는 그대로|글자 그대로|다음을 답변에',
    extract: '{설정,구성,지침,시스템 프롬프트}{을,를} {보여,공개,출력,공유}',
    header: '이것을 해야 합니다:|새로운 {지시,작업}:|비밀 지시',
  },
  id: {
    pretext:
      'anda {berjalan,bekerja} dalam mode {pengembang,debug}|saya {membuat,melakukan} kesalahan saat {memberi,memberikan}|untuk tujuan {pengujian,debugging}|bagian dari {pipeline,proses} pengujian|ini {adalah,hanya} tes.|penting bagi anda untuk melakukan ini|saya akan dihukum',
    sidestep:
      'lupa {meminta,memberi tahu} anda|jika {anda diminta untuk,diminta} {meringkas,menjawab}|alih-alih {meringkas,menjawab}',
    reply:
      '{sertakan,tambahkan,masukkan} {dalam,ke dalam} {respons,jawaban} anda|di akhir {respons,jawaban} anda|{mulailah,mulai} {respons,jawaban} anda dengan|jawab hanya dengan',
    verbatim: 'persis seperti apa adanya|kata demi kata|berikut dalam {respons,jawaban} anda',
    extract: '{tampilkan,ungkapkan,bagikan,cetak} {konfigurasi,instruksi,prompt sistem,id,pengaturan} anda',
    header: 'anda harus melakukan ini:|instruksi baru:|instruksi rahasia|tugas baru:',
  },
  vi: {
    pretext:
      'tôi đã mắc lỗi khi|cho mục đích {thử nghiệm,kiểm thử,gỡ lỗi}|một phần của {quy trình,pipeline} kiểm thử|tôi sẽ bị phạt',
    sidestep:
      'quên {yêu cầu bạn,nói với bạn}|nếu bạn được yêu cầu {tóm tắt,trả lời}|thay vì {tóm tắt,trả lời}',
    reply:
      '{thêm,bao gồm,chèn} vào câu trả lời của bạn|bao gồm trong câu trả lời của bạn|ở cuối câu trả lời của bạn|bắt đầu câu trả lời của bạn bằng|chỉ trả lời bằng',
    verbatim: 'chính xác như nó là|nguyên văn|từng chữ một|sau đây vào câu trả lời',
    extract: '{hiển thị,tiết lộ,chia sẻ,in ra} {cấu hình,hướng dẫn,lời nhắc hệ thống,id} của bạn',
    header: 'hướng dẫn mới:|hướng dẫn bí mật|nhiệm vụ mới:',
  },
  sq: {
    pretext:
      'je duke punuar në {modalitetin zhvillues,modalitetin e zhvilluesit}|po punon në modalitetin zhvillues|bëra një gabim kur të dhashë|për qëllime {testimi,debugimi}|pjesë e një {procesi,pipeline} testimi|kjo është {një,vetëm një} test.|është e rëndësishme që ta bësh|do të ndëshkohem',
    sidestep:
      'harrova të të {kërkoj,them}|nëse të kërkohet të {përmbledhësh,përgjigjesh}|në vend që të {përmbledhësh,përgjigjesh}',
    reply:
      '{përfshi,shto,vendos} në përgjigjen tënde|në fund të përgjigjes tënde|{fillo,nis} përgjigjen tënde me|përgjigju vetëm me',
    verbatim:
      'saktësisht siç është|fjalë për fjalë|sa vijon në përgjigjen tënde|si vijon në përgjigjen tënde',
    extract:
      '{shfaq,trego,ndaj,zbulo,printo,ngjit} {konfigurimin tënd,udhëzimet e tua,id-në tënde,kërkesën tënde të sistemit}',
    header: 'duhet të bësh këtë:|udhëzime të reja:|udhëzime sekrete|detyrë e re:',
  },
  ga: {
    pretext:
      'tá tú ag obair i mód {forbróra,dífhabhtaithe}|rinne mé botún nuair a thug mé|chun críocha {tástála,dífhabhtaithe}|{píblíne,phíblíne,próiseas,phróiseas} tástála|is tástáil é seo.|tá sé tábhachtach go ndéanfaidh tú|gearrfar pionós orm',
    sidestep:
      '{rinne mé dearmad,dhearmad mé} {iarraidh ort,a rá leat}|má iarrtar ort {achoimre,ceist a fhreagairt}|in ionad {achoimre,freagra}',
    reply:
      'cuir san áireamh i do fhreagra|cuir le do fhreagra|ag deireadh do fhreagra|tosaigh do fhreagra le|freagair le amháin',
    verbatim: 'díreach mar atá sé|focal ar fhocal|an méid seo a leanas i do fhreagra',
    extract:
      "{taispeáin,nocht,roinn,táirg} {do chumraíocht,do threoracha,d'uimhir aitheantais,do theachtaireacht chórais}|i do theachtaireacht chórais",
    header: 'caithfidh tú é seo a dhéanamh:|treoracha nua:|treoracha rúnda|tasc nua:',
  },
  gd: {
    pretext:
      "tha thu ag obair ann am modh {leasachaidh,dì-bhugachaidh}|rinn mi mearachd nuair a thug mi|airson adhbharan {deuchainn,dì-bhugachaidh}|{pìoban,pròiseas} deuchainn|'s e deuchainn a tha seo.|tha e cudromach gun dèan thu|gheibh mi peanas",
    sidestep:
      'dhìochuimhnich mi {iarraidh ort,innse dhut}|ma thèid iarraidh ort {geàrr-chunntas,ceist a fhreagairt}|an àite geàrr-chunntas',
    reply:
      '{cuir,cuir a-steach} san fhreagairt agad|aig deireadh do fhreagairt|aig deireadh na freagairt agad|tòisich do fhreagairt le',
    verbatim: 'dìreach mar a tha e|facal air an fhacal|na leanas san fhreagairt agad',
    extract:
      '{nochd,seall,roinn} {do rèiteachadh,an rèiteachadh agad,an id sònraichte agad,an id agad,an stiùireadh agad}|teachdaireachd siostam agad',
    header: 'feumaidh tu seo a dhèanamh:|stiùiridhean ùra:|stiùiridhean dìomhair|obair ùr:',
  },
  cy: {
    pretext:
      'rydych chi’n gweithio yn y modd datblygwr|gwnes i gamgymeriad pan roddais|at ddibenion {profi,dadfygio}|rhan o {biblinell,broses} brofi|prawf yw hwn.|mae’n bwysig eich bod yn gwneud|byddaf yn cael fy nghosbi',
    sidestep: 'anghofiais {ofyn i chi,ddweud wrthych}|os gofynnir i chi {grynhoi,ateb}|yn lle {crynhoi,ateb}',
    reply: '{cynhwyswch,ychwanegwch} yn eich ymateb|ar ddiwedd eich ymateb|dechreuwch eich ymateb gyda',
    verbatim: 'yn union fel y mae|gair am air|y canlynol yn eich ymateb',
    extract: '{dangoswch,datgelwch,rhannwch} eich {ffurfweddiad,cyfarwyddiadau,anogwr system}',
    header: 'rhaid i chi wneud hyn:|cyfarwyddiadau newydd:|cyfarwyddiadau cudd|tasg newydd:',
  },
  sw: {
    pretext:
      'unafanya kazi katika hali ya msanidi|nilifanya kosa nilipokupa|kwa madhumuni ya {majaribio,utatuzi}|sehemu ya mchakato wa majaribio|hili ni jaribio.|ni muhimu ufanye hivi|nitaadhibiwa',
    sidestep: 'nilisahau {kukuomba,kukuambia}|ukiombwa {kufupisha,kujibu}|badala ya {kufupisha,kujibu}',
    reply: '{jumuisha,ongeza,weka} {katika,kwenye} jibu lako|mwishoni mwa jibu lako|anza jibu lako {na,kwa}',
    verbatim: 'hasa kama ilivyo|neno kwa neno|yafuatayo katika jibu lako',
    extract: '{onyesha,fichua,shiriki} {usanidi wako,maagizo yako,kitambulisho chako,ujumbe wako wa mfumo}',
    header: 'lazima ufanye hivi:|maagizo mapya:|maagizo ya siri|kazi mpya:',
  },
  zu: {
    pretext:
      'usebenza kumodi yonjiniyela|ngenze iphutha lapho ngikunika|ngenhloso yokuhlola|ingxenye yenqubo yokuhlola|lokhu kuwukuhlola.|kubalulekile ukuthi ukwenze|ngizojeziswa',
    sidestep:
      'ngikhohlwe {ukukucela,ukukutshela}|uma {utshelwe,ucelwe} ukuthi {ufingqe,uphendule}|esikhundleni sokufingqa',
    reply: '{faka,engeza} empendulweni yakho|ekugcineni kwempendulo yakho|qala impendulo yakho nge',
    verbatim: 'njengoba injalo ncamashi|izwi ngezwi',
    extract:
      '{bonisa,veza,phumela,namathisela} {umyalezo wakho wesistimu,i-id yakho,izilungiselelo zakho,imiyalelo yakho}|umyalezo wakho wesistimu',
    header: 'kufanele wenze lokhu:|imiyalelo emisha:|imiyalelo eyimfihlo|umsebenzi omusha:',
  },
  cs: {
    pretext:
      'udělal jsem chybu, když jsem ti dával|pro účely {testování,ladění}|součástí {testovací pipeline,testovacího procesu}|toto je {test,jen test}.|je důležité, abys to udělal|budu potrestán|{běžíš,pracuješ} v režimu {vývojáře,ladění}',
    sidestep:
      'zapomněl jsem tě požádat|zapomněl jsem ti říct|pokud budeš požádán o {shrnutí,odpověď}|místo {shrnutí,odpovědi}',
    reply:
      '{přidej,vlož,uveď} do své odpovědi|{na konec,na konci} své odpovědi|začni svou odpověď slovy|odpověz pouze',
    verbatim: 'přesně tak, jak {je,to je}|slovo od slova|následující do své odpovědi',
    extract:
      '{ukaž,zobraz,prozraď,sdílej,vypiš} {svou konfiguraci,své instrukce,svůj systémový prompt,své nastavení,svůj identifikátor}',
    header: 'nové instrukce:|tajné instrukce|nový úkol:|musíš udělat toto:',
  },
  sv: {
    pretext:
      'jag gjorde ett misstag när jag gav dig|i {testsyfte,felsökningssyfte}|för felsökningsändamål|del av en {testpipeline,testprocess}|detta är {ett,bara ett} test.|det är viktigt att du gör detta|jag kommer att straffas|du körs i utvecklarläge',
    sidestep:
      'jag glömde att {be dig,säga till dig}|om du ombeds att {sammanfatta,svara}|{i stället,istället} för att {sammanfatta,svara}',
    reply:
      '{inkludera,lägg till,infoga} i ditt svar|i slutet av ditt svar|börja ditt svar med|svara endast med',
    verbatim: 'exakt som {den,det} är|ord för ord|följande i ditt svar',
    extract:
      '{visa,avslöja,dela,skriv ut} {din konfiguration,dina instruktioner,din systemprompt,dina inställningar,ditt id}',
    header: 'nya instruktioner:|hemliga instruktioner|ny uppgift:|du måste göra detta:',
  },
  ro: {
    pretext:
      'am făcut o greșeală când ți-am dat|în scopuri de {testare,depanare}|parte dintr-un {pipeline,proces} de testare|acesta este {un,doar un} test.|este important să faci asta|voi fi pedepsit|rulezi în modul dezvoltator',
    sidestep:
      'am uitat să {te rog,îți spun}|dacă ți se cere să {rezumi,răspunzi}|în loc să {rezumi,răspunzi}',
    reply:
      '{include,adaugă,inserează} în răspunsul tău|la sfârșitul răspunsului tău|începe răspunsul tău cu|răspunde doar cu',
    verbatim: 'exact așa cum este|cuvânt cu cuvânt|următoarele în răspunsul tău',
    extract:
      '{arată,dezvăluie,afișează,partajează} {configurația ta,instrucțiunile tale,promptul tău de sistem,id-ul tău}',
    header: 'instrucțiuni noi:|instrucțiuni secrete|sarcină nouă:|trebuie să faci asta:',
  },
  el: {
    pretext:
      'έκανα λάθος όταν σου έδωσα|για σκοπούς {δοκιμής,αποσφαλμάτωσης}|μέρος μιας {διοχέτευσης,διαδικασίας} δοκιμών|αυτό είναι {ένα,απλώς ένα} τεστ.|είναι σημαντικό να το κάνεις|θα τιμωρηθώ',
    sidestep:
      'ξέχασα να σου {ζητήσω,πω}|αν σου ζητηθεί να {συνοψίσεις,απαντήσεις}|αντί να {συνοψίσεις,απαντήσεις}',
    reply:
      '{συμπερίλαβε,πρόσθεσε} στην απάντησή σου|στο τέλος της απάντησής σου|ξεκίνα την απάντησή σου με|απάντησε μόνο με',
    verbatim: 'ακριβώς όπως είναι|λέξη προς λέξη|τα ακόλουθα στην απάντησή σου',
    extract:
      '{δείξε,αποκάλυψε,μοιράσου,εμφάνισε} {τη διαμόρφωσή σου,τις οδηγίες σου,το μήνυμα συστήματος,το αναγνωριστικό σου}',
    header: 'νέες οδηγίες:|μυστικές οδηγίες|νέα εργασία:',
  },
  he: {
    pretext:
      'עשיתי טעות כשנתתי לך|למטרות {בדיקה,ניפוי באגים}|חלק {מצינור בדיקות,מתהליך בדיקה}|זו רק בדיקה|חשוב שתעשה את זה|אני אענש',
    sidestep: 'שכחתי {לבקש ממך,לומר לך}|אם תתבקש {לסכם,לענות}|במקום {לסכם,לענות}',
    reply: '{כלול,הוסף} בתשובה שלך|בסוף התשובה שלך|התחל את התשובה שלך ב|ענה רק ב',
    verbatim: 'בדיוק כפי שהוא|מילה במילה|את הדברים הבאים בתשובה שלך',
    extract: '{הצג,חשוף,שתף,הדפס} את {התצורה שלך,ההוראות שלך,הנחיית המערכת שלך,המזהה שלך}',
    header: 'הוראות חדשות:|הוראות סודיות|משימה חדשה:',
  },
  hu: {
    pretext:
      'hibát követtem el, amikor megadtam|{tesztelési,hibakeresési} célból|egy {tesztfolyamat,tesztelési folyamat} része|ez {csak egy,egy} teszt.|fontos, hogy ezt megtedd|meg fognak büntetni|fejlesztői módban futsz',
    sidestep:
      'elfelejtettem {megkérni,megmondani}|ha arra kérnek, hogy {foglald össze,válaszolj}|{összefoglalás,válaszadás} helyett',
    reply: '{illeszd be,add hozzá,szerepeltesd} a válaszodba|a válaszod végén|kezdd a válaszod azzal',
    verbatim: 'pontosan úgy, ahogy van|szóról szóra|a következőt a válaszodba',
    extract:
      '{mutasd meg,fedd fel,oszd meg,írd ki} a {konfigurációdat,utasításaidat,rendszerpromptodat,azonosítódat}',
    header: 'új utasítások:|titkos utasítások|új feladat:',
  },
  ca: {
    pretext:
      "he comès un error en donar-te|amb finalitats de {prova,depuració}|part d'un {procés,pipeline} de prova|això és {una,només una} prova.|és important que ho facis|em castigaran",
    sidestep:
      'em vaig oblidar de {demanar-te,dir-te}|si et demanen que {resumeixis,responguis}|en lloc de {resumir,respondre}',
    reply:
      '{inclou,afegeix,posa} a la teva resposta|al final de la teva resposta|comença la teva resposta amb|respon només amb',
    verbatim: 'exactament com és|paraula per paraula|el següent a la teva resposta',
    extract:
      '{mostra,revela,comparteix} {la teva configuració,les teves instruccions,el teu prompt del sistema,el teu identificador}',
    header: 'noves instruccions:|instruccions secretes|nova tasca:',
  },
  af: {
    pretext:
      'ek het ’n fout gemaak toe ek jou|vir toetsdoeleindes|deel van ’n {toetspyplyn,toetsproses}|dit is {’n,net ’n} toets.|dit is belangrik dat jy dit doen|ek sal gestraf word',
    sidestep:
      'ek het vergeet om jou te {vra,sê}|as jy gevra word om {op te som,te antwoord}|in plaas daarvan om op te som',
    reply:
      '{sluit,voeg} by jou antwoord|aan die einde van jou antwoord|begin jou antwoord met|antwoord slegs met',
    verbatim: 'presies soos dit is|woord vir woord|die volgende in jou antwoord',
    extract: '{wys,onthul,deel} jou {konfigurasie,instruksies,stelselprompt,id}',
    header: 'nuwe instruksies:|geheime instruksies|nuwe taak:',
  },
  fi: {
    pretext:
      'tein virheen, kun annoin sinulle|testaustarkoituksiin|virheenkorjausta varten|osa {testiputkea,testausprosessia}|tämä on {vain,} testi.|on tärkeää, että teet tämän|minua rangaistaan',
    sidestep:
      'unohdin {pyytää sinua,kertoa sinulle}|jos sinua pyydetään {tiivistämään,vastaamaan}|{tiivistämisen,vastaamisen} sijaan',
    reply: '{sisällytä,lisää} vastaukseesi|vastauksesi {loppuun,lopussa}|aloita vastauksesi|vastaa vain',
    verbatim: 'täsmälleen sellaisenaan|sana sanalta|seuraava vastaukseesi',
    extract: '{näytä,paljasta,jaa,tulosta} {konfiguraatiosi,ohjeesi,järjestelmäkehotteesi,tunnisteesi}',
    header: 'uudet ohjeet:|salaiset ohjeet|uusi tehtävä:',
  },
};

/** "{a,b} c" -> "a c", "b c" ("{x,}" an optional part). */
const expand = (phrase: string): string[] => {
  const m = /\{([^}]*)\}/.exec(phrase);
  if (!m) return [phrase];
  const [before, after] = [phrase.slice(0, m.index), phrase.slice(m.index + m[0].length)];
  return m[1]!.split(',').flatMap((o) => expand(before + o + after));
};

const ASCII = /^[\0-\x7f]*$/;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One phrase as a rule's alternative, folded with `fold`. Its start word is in one script
 * (anchored.ts reads ASCII and other words apart): a phrase mixing them ("yanıtına" folds to "yan"
 * + "ı" + ...) starts with its first run, the rest follows in a group.
 */
function literal(phrase: string, fold: Fold): string {
  const [, raw, mark] = /^(.*?)([.*:]?)$/s.exec(phrase)!;
  const body = fold(raw!).trim();
  const latin = ASCII.test(body[0]!);
  const cut = body.search(latin ? /[^\0-\x7f]/ : /[!-\x7f]| (?![^\0-\x7f])/);
  const head = cut < 0 ? body : body.slice(0, cut);
  if (head.trim().length < 3) throw new Error(`cue phrase ${JSON.stringify(phrase)}: its start is too short`);
  const rest = cut < 0 ? '' : `(?:${esc(body.slice(cut))})`;
  const end =
    mark === ':'
      ? ' ?:'
      : mark === '.'
        ? '(?= ?[.!,;:?\u3002]|$)'
        : mark === '' && /[a-z0-9]$/.test(body)
          ? '\\b'
          : '';
  return `${latin ? '\\b' : ''}${esc(head)}${rest}${end}`;
}

/** The cue rules of every language, folded with `fold` (the guard's normalize): one per language and family. */
export function languageCues(fold: Fold): PhraseRule[] {
  const out: PhraseRule[] = [];
  for (const words of Object.values(CUE_LANGUAGES))
    for (const [family, kind] of Object.entries(FAMILIES)) {
      const phrases = new Set(words[family as keyof CueWords].split('|').flatMap(expand));
      out.push({ kind, re: new RegExp([...phrases].map((p) => literal(p, fold)).join('|')) });
    }
  return out;
}
