import bwipjs from "bwip-js";

/** QR code (error correction M) as PNG: the drop-off / hub registration code of a return parcel. */
export function qrPng(text: string, scale = 4): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: "qrcode",
    text,
    scale,
    paddingwidth: 4,
    paddingheight: 4,
    backgroundcolor: "FFFFFF",
  });
}

/** Code 128 as PNG (tracking numbers, licence plates, bag codes). */
export function code128Png(text: string, scale = 3, height = 14): Promise<Buffer> {
  return bwipjs.toBuffer({
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
