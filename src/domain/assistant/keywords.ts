/**
 * The words that point at each question a shopper asks, per language (lower case, matched as
 * substrings of the normalised message; Latin-script words only at word starts). English is always
 * tried as well: shoppers mix languages. Data only — `intent-match.ts` scores them.
 */
import type { Locale } from "../locales.ts";

export const INTENTS = ["eligibility", "refund_timing", "status", "send_from", "costs", "human"] as const;
export type KnownIntent = (typeof INTENTS)[number];
export type Intent = KnownIntent | "unknown";

/** Per intent: the words, separated by "|". */
type Table = Readonly<Record<KnownIntent, string>>;

export const KEYWORDS: Readonly<Record<Locale, Table>> = {
  en: {
    eligibility:
      "still return|can i return|return this|eligible|deadline|too late|until when|how long do i have|last day",
    refund_timing: "money|refund|paid back|reimburse|when will i get",
    status: "where is|status|track|arrived|received my|what happened",
    send_from: "send|ship|post it|drop off|drop-off|label|customs|courier|carrier",
    costs: "cost|fee|charge|how much|free|pay for",
    human: "human|agent|real person|someone|talk to|speak to|customer service",
  },
  de: {
    eligibility: "noch zurück|zurückgeben|frist|zu spät|bis wann|widerruf|umtauschen",
    refund_timing: "geld|erstattung|erstattet|rückzahlung|wann bekomme",
    status: "wo ist|status|sendungsverfolgung|angekommen|stand",
    send_from: "schicke|schicken|senden|versand|versende|etikett|zoll|abgeben|paketshop",
    costs: "kosten|kostet|gebühr|kostenlos|gratis|bezahlen",
    human: "mensch|mitarbeiter|person|kundenservice|sprechen",
  },
  fr: {
    eligibility:
      "encore retourner|puis-je retourner|retourner cet|délai|trop tard|jusqu'à quand|rétractation",
    refund_timing: "argent|rembours|quand vais-je|quand recevrai",
    status: "où est|où en est|statut|suivi|arrivé",
    send_from: "envoyer|expédier|renvoyer|étiquette|douane|dépôt|point relais",
    costs: "coût|coûte|frais|combien|gratuit|payer",
    human: "humain|conseiller|quelqu'un|une personne|service client",
  },
  es: {
    eligibility:
      "todavía devolver|aún puedo devolver|puedo devolver|plazo|demasiado tarde|hasta cuándo|desistimiento",
    refund_timing: "dinero|reembolso|cuándo recibiré|devolución del dinero",
    status: "dónde está|estado|seguimiento|llegado",
    send_from: "enviar|envío|mandar|etiqueta|aduana|punto de entrega",
    costs: "coste|costo|cuesta|tarifa|cuánto|gratis|pagar",
    human: "humano|agente|una persona|alguien|atención al cliente",
  },
  it: {
    eligibility:
      "ancora restituir|posso restituir|restituirl|fare il reso|ancora rendere|posso rendere|termine|troppo tardi|fino a quando|recesso",
    refund_timing: "soldi|denaro|rimborso|quando riceverò",
    status: "dov'è|dove si trova|stato|tracciamento|arrivato",
    send_from: "spedire|spedisco|inviare|etichetta|dogana|punto di ritiro",
    costs: "costo|costa|spese|quanto|gratis|gratuito|pagare",
    human: "umano|operatore|una persona|qualcuno|assistenza clienti",
  },
  nl: {
    eligibility: "nog terugsturen|nog retourneren|kan ik retourneren|termijn|te laat|tot wanneer|herroeping",
    refund_timing: "geld|terugbetaling|terugbetaald|wanneer krijg",
    status: "waar is|status|volgen|aangekomen",
    send_from: "versturen|opsturen|verzenden|label|douane|afgeven",
    costs: "kosten|kost|hoeveel|gratis|betalen",
    human: "mens|medewerker|iemand|klantenservice",
  },
  pl: {
    eligibility: "nadal zwrócić|mogę zwrócić|zwrócić|termin|za późno|do kiedy|odstąpienie",
    refund_timing: "pieniądze|zwrot pieniędzy|kiedy dostanę|zwrot środków",
    status: "gdzie jest|status|śledzenie|dotarł",
    send_from: "wysłać|wysyłka|nadać|etykieta|cło|punkt nadania",
    costs: "koszt|kosztuje|opłata|ile|darmowy|zapłacić",
    human: "człowiek|konsultant|ktoś|obsługa klienta",
  },
  sv: {
    eligibility:
      "fortfarande returnera|kan jag returnera|får jag returnera|returnera|sista dag|för sent|ångerrätt",
    refund_timing: "pengar|återbetalning|när får jag",
    status: "var är|status|spåra|kommit fram",
    send_from: "skicka|frakt|etikett|tull|ombud|lämna in",
    costs: "kostnad|kostar|avgift|hur mycket|gratis|betala",
    human: "människa|handläggare|någon|kundtjänst",
  },
  "pt-BR": {
    eligibility:
      "ainda devolver|posso devolver|dá para devolver|prazo|tarde demais|até quando|arrependimento",
    refund_timing: "dinheiro|reembolso|estorno|quando vou receber",
    status: "onde está|status|rastreamento|rastrear|chegou",
    send_from: "enviar|envio|mandar|etiqueta|alfândega|postar",
    costs: "custo|custa|taxa|quanto|grátis|pagar",
    human: "humano|atendente|uma pessoa|alguém",
  },
  ja: {
    eligibility: "まだ返品|返品できますか|返品できる|期限|いつまで|クーリングオフ",
    refund_timing: "お金|返金|払い戻し|いつ戻",
    status: "どこ|状況|追跡|届きました|状態",
    send_from: "送れば|送る|送り|発送|ラベル|税関|配送",
    costs: "費用|料金|送料|いくら|無料|手数料",
    human: "担当者|人間|オペレーター|スタッフ",
  },
  "zh-CN": {
    eligibility: "还能退|可以退|退货期限|期限|太晚|截止",
    refund_timing: "钱|退款|什么时候到账",
    status: "在哪|状态|追踪|跟踪|到了吗",
    send_from: "寄回|寄|发货|运单|海关|快递",
    costs: "费用|运费|多少钱|免费|收费",
    human: "人工|客服|真人",
  },
  ko: {
    eligibility: "아직 반품|반품할 수|반품 가능|기한|언제까지",
    refund_timing: "돈|환불|언제 받",
    status: "어디|상태|배송 조회|추적",
    send_from: "보내|발송|라벨|세관|택배",
    costs: "비용|요금|배송비|얼마|무료|수수료",
    human: "상담원|사람|직원",
  },
  ar: {
    eligibility: "لا يزال بإمكاني|هل يمكنني إرجاع|إرجاع هذا|المهلة|آخر موعد|متأخر",
    refund_timing: "أموالي|المال|استرداد|متى سأحصل|استرجاع المبلغ",
    status: "أين|حالة|تتبع|وصل",
    send_from: "أرسل|إرسال|أشحن|شحن|ملصق|الجمارك",
    costs: "تكلفة|تكلف|رسوم|كم يكلف|مجاني|أدفع",
    human: "موظف|شخص|إنسان|خدمة العملاء",
  },
  he: {
    eligibility: "עדיין להחזיר|אפשר להחזיר|להחזיר|מועד אחרון|מאוחר מדי|עד מתי|ביטול עסקה",
    // Not "החזר" alone: it is inside ההחזרה (the return itself).
    refund_timing: "כסף|החזר כספי|החזר הכספי|החזר הכסף|זיכוי|מתי אקבל",
    status: "איפה|סטטוס|מעקב|הגיע",
    send_from: "לשלוח|אשלח|משלוח|תווית|מכס",
    costs: "עלות|עולה|דמי|כמה|חינם|לשלם",
    human: "נציג|אדם|בן אדם|שירות לקוחות",
  },
};
