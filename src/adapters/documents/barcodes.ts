/** bwip-js loads on first use: commands that draw no barcode do not pay for it. */
const bwip = () => import("bwip-js").then((m) => m.default);

/** QR code (error correction M) as PNG: the drop-off / hub registration code of a return parcel. */
export async function qrPng(text: string, scale = 4): Promise<Buffer> {
  return (await bwip()).toBuffer({
    bcid: "qrcode",
    text,
    scale,
    paddingwidth: 4,
    paddingheight: 4,
    backgroundcolor: "FFFFFF",
  });
}

/** Code 128 as PNG (tracking numbers, licence plates, bag codes). */
export async function code128Png(text: string, scale = 3, height = 14): Promise<Buffer> {
  return (await bwip()).toBuffer({
    bcid: "code128",
    text,
    scale,
    height,
    includetext: true,
    textxalign: "center",
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: "FFFFFF",
  });
}
