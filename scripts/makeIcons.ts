// Draws the Field News icon (a map pin over a newspaper, in calm blue) by code and writes
// every icon the installers need: build/icon.png, build/icons/<size>x<size>.png, build/icon.ico
// and build/icon.icns; and the web app's (renderer/public/icons/): 192 and 512 px as drawn, and a
// 512 px maskable one, the pin inside the safe circle on a full square. Needs no download, so the
// outputs are committed and can be regenerated with `npm run icons`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import * as png2icons from 'png2icons';

type Rgb = readonly [number, number, number];
/** A shape in the 1024-unit design space: does it cover the point (x, y)? */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  colour: (x: number, y: number) => Rgb;
}

export const iconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const design = 1024;

function hex(value: string): Rgb {
  const n = Number.parseInt(value.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

/** A map pin: a round head on a cone whose sides touch the head tangentially. */
function pin(cx: number, cy: number, radius: number, tipY: number): Shape {
  const height = tipY - cy;
  const sinHalfAngle = radius / height;
  const tanHalfAngle = sinHalfAngle / Math.sqrt(1 - sinHalfAngle * sinHalfAngle);
  const coneTop = cy + radius * sinHalfAngle;
  const head = circle(cx, cy, radius);
  return (x, y) =>
    head(x, y) || (y >= coneTop && y <= tipY && Math.abs(x - cx) <= (tipY - y) * tanHalfAngle);
}

const solid = (colour: string) => {
  const rgb = hex(colour);
  return () => rgb;
};

function iconLayers(): Layer[] {
  const skyTop = hex('#4A90CF');
  const skyBottom = hex('#2B639E');
  const pinX = 688;
  const pinY = 420;
  const layers: Layer[] = [
    // Background tile, a gentle vertical gradient.
    { shape: roundedRect(64, 64, 960, 960, 190), colour: (_x, y) => mix(skyTop, skyBottom, (y - 64) / 896) },
    // The newspaper, with a headline, a picture and columns of text.
    { shape: roundedRect(196, 236, 748, 812, 44), colour: solid('#F7F9FC') },
    { shape: roundedRect(252, 296, 692, 350, 14), colour: solid('#2A3B4D') },
    { shape: roundedRect(252, 400, 448, 560, 14), colour: solid('#BCD3EA') },
  ];
  for (const y of [400, 456, 512]) {
    layers.push({ shape: roundedRect(484, y, 560, y + 26, 13), colour: solid('#9FB2C6') });
  }
  for (const y of [608, 664, 720]) {
    layers.push({ shape: roundedRect(252, y, 560, y + 26, 13), colour: solid('#9FB2C6') });
  }
  // The pin, ringed in white so it stands clear of both the paper and the background.
  layers.push(
    { shape: pin(pinX, pinY, 186, 884), colour: solid('#FFFFFF') },
    { shape: pin(pinX, pinY, 160, 838), colour: solid('#1B4F86') },
    { shape: circle(pinX, pinY, 66), colour: solid('#FFFFFF') },
  );
  return layers;
}

/** Renders the icon at `size` pixels with 4×4 supersampling; returns straight RGBA. */
export function renderIcon(size: number): Uint8Array {
  const layers = iconLayers();
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  const scale = design / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i];
            if (layer?.shape(x, y)) {
              const [lr, lg, lb] = layer.colour(x, y);
              r += lr;
              g += lg;
              b += lb;
              a += 1;
              break;
            }
          }
        }
      }
      const offset = (py * size + px) * 4;
      // Average colour over covered samples (straight alpha), coverage as alpha.
      rgba[offset] = a ? Math.round(r / a) : 0;
      rgba[offset + 1] = a ? Math.round(g / a) : 0;
      rgba[offset + 2] = a ? Math.round(b / a) : 0;
      rgba[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) then the row.
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The sizes browsers ask a web app's manifest for (install prompt, home screen, splash). */
export const webIconSizes = [192, 512] as const;
/** The maskable icon's background: the app's accent, as its theme colour. */
export const maskableBackground = '#1f5fa8';

/**
 * A maskable icon: a launcher may cut any shape out of the square, keeping at least the centred
 * circle of 80 % of its width, so the drawing is scaled into that circle on a full background.
 */
export function renderMaskableIcon(size: number): Uint8Array {
  const inner = Math.round(size * 0.7);
  const drawing = renderIcon(inner);
  const [r, g, b] = hex(maskableBackground);
  const rgba = new Uint8Array(size * size * 4);
  const offset = Math.floor((size - inner) / 2);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const at = (py * size + px) * 4;
      const ix = px - offset;
      const iy = py - offset;
      const from = ix >= 0 && iy >= 0 && ix < inner && iy < inner ? (iy * inner + ix) * 4 : -1;
      const alpha = from < 0 ? 0 : (drawing[from + 3] ?? 0) / 255;
      rgba[at] = Math.round((from < 0 ? r : (drawing[from] ?? 0)) * alpha + r * (1 - alpha));
      rgba[at + 1] = Math.round((from < 0 ? g : (drawing[from + 1] ?? 0)) * alpha + g * (1 - alpha));
      rgba[at + 2] = Math.round((from < 0 ? b : (drawing[from + 2] ?? 0)) * alpha + b * (1 - alpha));
      rgba[at + 3] = 255;
    }
  }
  return rgba;
}

function writeWebIcons(): string {
  const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'public', 'icons');
  mkdirSync(webDir, { recursive: true });
  for (const size of webIconSizes) writeFileSync(join(webDir, `icon-${size}.png`), encodePng(size, size, renderIcon(size)));
  writeFileSync(join(webDir, 'maskable-512.png'), encodePng(512, 512, renderMaskableIcon(512)));
  return webDir;
}

function main(): void {
  const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  let source: Buffer | undefined;
  for (const size of iconSizes) {
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png);
    if (size === 1024) source = png;
  }
  if (!source) throw new Error('the 1024 px icon was not rendered');
  writeFileSync(join(buildDir, 'icon.png'), source);
  const ico = png2icons.createICO(source, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(source, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert build/icon.png');
  writeFileSync(join(buildDir, 'icon.ico'), ico);
  writeFileSync(join(buildDir, 'icon.icns'), icns);
  console.log(`icons written to ${buildDir}: icons/{${iconSizes.join(',')}}, icon.png, icon.ico, icon.icns`);
  console.log(`web app icons written to ${writeWebIcons()}: icon-{${webIconSizes.join(',')}}.png, maskable-512.png`);
}

main();
