import type { RgbaImage } from "./png";

/** The brand colour of the colour icon, also the manifest's accentColor. */
export const ACCENT_COLOR = "#1F4E79";

interface Ring {
  cx: number;
  cy: number;
  radius: number;
  stroke: number;
}

/** Share of a pixel covered by any ring, sampled 4 × 4 times (anti-aliased edges). */
function ringCoverage(x: number, y: number, rings: readonly Ring[]): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      if (rings.some((r) => Math.abs(Math.hypot(px - r.cx, py - r.cy) - r.radius) <= r.stroke / 2)) inside++;
    }
  }
  return inside / 16;
}

/** Two linked rings (working together), scaled to a square of `size` pixels. */
function rings(size: number, strokeShare: number): Ring[] {
  const radius = size * 0.21;
  const stroke = size * strokeShare;
  return [
    { cx: size * 0.37, cy: size / 2, radius, stroke },
    { cx: size * 0.63, cy: size / 2, radius, stroke },
  ];
}

function hexRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Teams' colour icon: 192 × 192, white rings on the accent colour, full bleed. */
export function colorIcon(): RgbaImage {
  const size = 192;
  const [r, g, b] = hexRgb(ACCENT_COLOR);
  const shape = rings(size, 0.065);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cover = ringCoverage(x, y, shape);
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(r + (255 - r) * cover);
      pixels[i + 1] = Math.round(g + (255 - g) * cover);
      pixels[i + 2] = Math.round(b + (255 - b) * cover);
      pixels[i + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/** Teams' outline icon: 32 × 32, white on transparent only. */
export function outlineIcon(): RgbaImage {
  const size = 32;
  const shape = rings(size, 0.08);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      pixels[i] = 255;
      pixels[i + 1] = 255;
      pixels[i + 2] = 255;
      pixels[i + 3] = Math.round(255 * ringCoverage(x, y, shape));
    }
  }
  return { width: size, height: size, pixels };
}
