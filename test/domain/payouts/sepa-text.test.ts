import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isSepaText,
  SEPA_ID_MAX,
  sepaIdentifierProblem,
  sepaText,
  toSepaIdentifier,
  toSepaText,
  truncateSepaText,
} from "../../../src/domain/payouts/sepa-text.ts";

describe("transliteration to the SEPA character set", () => {
  it("Polish", () => {
    expect(toSepaText("Łukasz Żółć")).toBe("Lukasz Zolc");
    expect(toSepaText("Zażółć gęślą jaźń, Gdańsk")).toBe("Zazolc gesla jazn, Gdansk");
  });

  it("German: umlauts stripped by default, spelled out on request; ß is always ss", () => {
    expect(toSepaText("Jürgen Müller, Großstraße 5")).toBe("Jurgen Muller, Grossstrasse 5");
    expect(toSepaText("Jürgen Müller, Großstraße 5", { umlauts: "expand" })).toBe(
      "Juergen Mueller, Grossstrasse 5",
    );
    expect(toSepaText("ÄRGER Ölmühle", { umlauts: "expand" })).toBe("AERGER Oelmuehle");
    expect(toSepaText("Jürgen", { umlauts: "expand" })).toBe("Juergen");
  });

  it("French and Nordic letters, typographic punctuation", () => {
    expect(toSepaText("François Hébert-Lefèvre, «Café» L’Œuf")).toBe(
      "Francois Hebert-Lefevre, 'Cafe' L'Oeuf",
    );
    expect(toSepaText("Ærøskøbing Ltd")).toBe("Aeroskobing Ltd");
    expect(toSepaText("ÆRØSKØBING")).toBe("AEROSKOBING");
    expect(toSepaText("Smith & Sons — Invoice #12; thanks!")).toBe("Smith + Sons - Invoice 12, thanks.");
  });

  it("Greek (ELOT 743) and Cyrillic (ICAO)", () => {
    expect(toSepaText("Ελένη Παπαδοπούλου")).toBe("Eleni Papadopoulou");
    expect(toSepaText("ΘΕΟΔΩΡΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ")).toBe("THEODOROS PAPADOPOULOS");
    expect(toSepaText("Θεόδωρος Ευάγγελος")).toBe("Theodoros Evangelos");
    expect(toSepaText("Жанна Щербакова")).toBe("Zhanna Shcherbakova");
    expect(toSepaText("Ђорђе Ђоковић")).toBe("Djordje Djokovic");
    expect(toSepaText("Юлія Ковальчук")).toBe("Iuliia Kovalchuk");
  });

  it("Japanese: full-width Latin and digits fold, kanji and kana go, empty brackets with them", () => {
    expect(toSepaText("山田太郎")).toBe("");
    expect(toSepaText("ヤマダ タロウ")).toBe("");
    expect(toSepaText("Ｔａｒｏ Ｙａｍａｄａ（山田）")).toBe("Taro Yamada");
    expect(toSepaText("〒100-0001 東京都千代田区")).toBe("100-0001");
    expect(toSepaText("返金、注文番号１２３４。")).toBe(", 1234.");
  });

  it("drops control characters, emoji and lone surrogates; collapses spaces", () => {
    expect(toSepaText("a\u0000b\uD800c😀d\t\n e")).toBe("a b c d e");
    expect(toSepaText("ﬁnance №5 ½")).toBe("finance No5 1/2");
  });

  it("always yields SEPA text, and is stable when applied twice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const once = toSepaText(s);
        expect(isSepaText(once)).toBe(true);
        expect(toSepaText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/ {2}/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("truncation", () => {
  it("ends at a word boundary when one is near, else cuts at the limit", () => {
    expect(truncateSepaText("Refund for order 1001", 140)).toBe("Refund for order 1001");
    expect(truncateSepaText("Refund for order 1001", 18)).toBe("Refund for order");
    expect(truncateSepaText("Refund for order 1001", 16)).toBe("Refund for order");
    expect(truncateSepaText("Refund Supercalifragilistic", 12)).toBe("Refund");
    expect(truncateSepaText("Re Supercalifragilistic", 12)).toBe("Re Supercali");
    expect(sepaText("Ελένη Παπαδοπούλου Γεωργίου", 20)).toBe("Eleni Papadopoulou");
  });

  it("never exceeds the limit", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.integer({ min: 1, max: 140 }),
        (s, max) => {
          const t = sepaText(s, max);
          expect(t.length).toBeLessThanOrEqual(max);
          expect(isSepaText(t)).toBe(true);
        },
      ),
    );
  });
});

describe("identifiers (MsgId, InstrId, EndToEndId)", () => {
  it("accepts EPC-conformant identifiers and says what is wrong with others", () => {
    expect(sepaIdentifierProblem("RMA-1001/2 (refund)")).toBeNull();
    expect(sepaIdentifierProblem("")).toBe("is required");
    expect(sepaIdentifierProblem("x".repeat(36))).toBe("must be at most 35 characters (has 36)");
    expect(sepaIdentifierProblem("/RMA-1")).toBe('must not start or end with "/"');
    expect(sepaIdentifierProblem("RMA-1/")).toBe('must not start or end with "/"');
    expect(sepaIdentifierProblem("RMA//1")).toBe('must not contain "//"');
    expect(sepaIdentifierProblem("Rückgabe-1")).toMatch(/may only contain/);
    expect(sepaIdentifierProblem("RMA_1")).toMatch(/may only contain/);
    expect(sepaIdentifierProblem(" RMA-1")).toBe("must not start or end with a space");
  });

  it("sanitises any text into an identifier (or nothing)", () => {
    expect(toSepaIdentifier("//Rückerstattung//Fall 42//")).toBe("Ruckerstattung/Fall 42");
    expect(toSepaIdentifier("返金")).toBe("");
    expect(toSepaIdentifier(`${"a".repeat(34)}/b`)).toBe("a".repeat(34));
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
        const id = toSepaIdentifier(s);
        expect(id === "" || sepaIdentifierProblem(id) === null).toBe(true);
        expect(id.length).toBeLessThanOrEqual(SEPA_ID_MAX);
      }),
      { numRuns: 500 },
    );
  });
});
