/** An IPv4 or IPv6 address as a bigint (IPv4 in the low 32 bits) with its family. */
export interface IpValue {
  readonly v6: boolean;
  readonly n: bigint;
}
export interface IpNet {
  readonly v6: boolean;
  readonly base: bigint;
  readonly mask: bigint;
}

export function parseIp(text: string): IpValue | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((x) => x > 255)) return undefined;
    return { v6: false, n: BigInt((((parts[0] as number) << 24) >>> 0) + ((parts[1] as number) << 16) + ((parts[2] as number) << 8) + (parts[3] as number)) };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const expand = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.includes('.')) {
        const v4 = parseIp(g);
        if (v4 === undefined || v4.v6) return undefined;
        out.push(Number(v4.n >> 16n), Number(v4.n & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = expand(halves[0] as string);
  const tail = halves.length === 2 ? expand(halves[1] as string) : [];
  if (head === undefined || tail === undefined) return undefined;
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0) return undefined;
  let n = 0n;
  for (const g of [...head, ...new Array<number>(fill).fill(0), ...tail]) n = (n << 16n) | BigInt(g);
  return { v6: true, n };
}

export function parseIpNet(text: string): IpNet | undefined {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (ip === undefined) return undefined;
  const width = ip.v6 ? 128 : 32;
  const bits = slash < 0 ? width : Number(text.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return undefined;
  const all = (1n << BigInt(width)) - 1n;
  const mask = bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
  return { v6: ip.v6, base: ip.n & mask, mask };
}

export function ipInNet(ip: IpValue, net: IpNet): boolean {
  return ip.v6 === net.v6 && (ip.n & net.mask) === net.base;
}

export function isIpValue(value: unknown): value is IpValue {
  return typeof value === 'object' && value !== null && 'v6' in value && 'n' in value && typeof value.n === 'bigint';
}

/** Renders an address as text: dotted IPv4, or IPv6 in RFC 5952's compressed form. */
export function formatIp(ip: IpValue): string {
  if (!ip.v6) return [24n, 16n, 8n, 0n].map((shift) => String((ip.n >> shift) & 0xffn)).join('.');
  // IPv4-mapped addresses keep their dotted tail (RFC 5952 §5)
  if (ip.n >> 32n === 0xffffn) return `::ffff:${formatIp({ v6: false, n: ip.n & 0xffffffffn })}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.n >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestAt = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}
