import type { ClaimPackView, ManifestView } from "../../app/logistics/ports.ts";
import { A4, drawTable, PageFrame } from "./page-frame.ts";
import { openPdf } from "./pdf-doc.ts";

/** The consolidated shipment's manifest: pallets → bags → units (licence plate, RMA, SKU). */
export async function renderManifestPdf(v: ManifestView): Promise<Buffer> {
  const { doc, ts, done } = openPdf({ title: `Manifest ${v.code}`, size: A4, date: v.shippedAt });
  const frame = new PageFrame(doc, 0);
  frame.newPage();
  frame.y += ts.write(`MANIFEST ${v.code}`, frame.left, frame.y, frame.width, { size: 15, bold: true }) + 4;
  const summary = [
    `From ${v.from} to ${v.to} · shipped ${v.shippedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `Carrier ${v.carrier ?? "—"} · tracking ${v.trackingNumber ?? "—"}`,
    `${v.pallets.length} pallet(s), ${v.pallets.reduce((n, p) => n + p.bags.length, 0)} bag(s), ${v.units.length} unit(s)`,
    ...v.pallets.map((p) => `${p.code}: ${p.bags.map((b) => `${b.code} (${b.units})`).join(", ")}`),
  ];
  frame.y += ts.write(summary.join("\n"), frame.left, frame.y, frame.width, { size: 8.5 }) + 10;
  drawTable(
    frame,
    ts,
    [
      { header: "Licence plate", width: 0 },
      { header: "Bag", width: 92 },
      { header: "Pallet", width: 86 },
      { header: "RMA", width: 70 },
      { header: "SKU", width: 70 },
      { header: "From", width: 34 },
    ],
    v.units.map((u) => ({
      cells: [u.licencePlate, u.bag, u.pallet ?? "—", u.rmaNumber, u.sku, u.shopperCountry],
      sub: u.title,
    })),
  );
  doc.end();
  return done;
}

/** A duty/tax recovery claim pack: every line with its evidence, and totals per currency. */
export async function renderClaimPackPdf(v: ClaimPackView): Promise<Buffer> {
  const { doc, ts, done } = openPdf({ title: `Claim pack ${v.regime}`, size: A4, date: v.generatedAt });
  const frame = new PageFrame(doc, 0);
  frame.newPage();
  frame.y +=
    ts.write(`DUTY RECOVERY CLAIM PACK — ${v.regime}`, frame.left, frame.y, frame.width, {
      size: 14,
      bold: true,
    }) + 4;
  frame.y +=
    ts.write(
      `${v.merchant} · generated ${v.generatedAt.toISOString().slice(0, 10)}\n${v.citation}`,
      frame.left,
      frame.y,
      frame.width,
      { size: 8.5 },
    ) + 10;
  drawTable(
    frame,
    ts,
    [
      { header: "RMA / line", width: 0 },
      { header: "State", width: 60 },
      { header: "Paid", width: 62, align: "end" },
      { header: "Recoverable", width: 70, align: "end" },
      { header: "Deadline", width: 62 },
    ],
    v.rows.map((r) => ({
      cells: [
        `${r.rma} · ${r.sku} × ${r.quantity}`,
        r.state ?? "",
        `${r.paid} ${r.currency}`,
        `${r.recoverable} ${r.currency}`,
        r.deadline ?? "",
      ],
      sub: `export ${r.export_reference || "—"} · return ${r.return_tracking || "—"} · receipt ${r.receipt || "—"}`,
    })),
  );
  frame.y += 8;
  const totals = v.totals
    .map((t) => `${t.currency}: paid ${t.paid}, recoverable ${t.recoverable}, recovered ${t.recovered}`)
    .join("\n");
  ts.write(`Totals\n${totals || "—"}`, frame.left, frame.y, frame.width, { size: 9, bold: true });
  doc.end();
  return done;
}
