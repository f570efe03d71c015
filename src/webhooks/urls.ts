/**
 * Where a webhook may be sent: https to a public host. A Worker cannot resolve DNS before it
 * fetches, so this checks what the URL itself says: hosts that are IP literals (v4 in any form
 * the URL parser reads, v6 incl. v4-mapped) in private, loopback, link-local and other
 * non-public ranges, and names that are local by definition (`localhost`, `.local`, …). A public
 * name whose DNS points at a private address is not caught here (see docs/api.md).
 */

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i

/** Non-public IPv4 ranges: [first octets as a number, prefix length]. */
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]

const v4Number = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)

function v4Blocked(ip: string): boolean {
  const n = v4Number(ip)
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits)
    return Math.floor(n / size) === Math.floor(v4Number(base) / size)
  })
}

/** The eight 16-bit groups of an IPv6 address (the URL parser has already made it canonical). */
function v6Groups(ip: string): number[] {
  let text = ip
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const n = v4Number(v4[1]!)
    text = `${text.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((g) => parseInt(g, 16)) : []
  const left = parse(head)
  const right = parse(tail)
  return tail === undefined
    ? left
    : [...left, ...Array(8 - left.length - right.length).fill(0), ...right]
}

function v6Blocked(ip: string): boolean {
  const g = v6Groups(ip)
  if (g.length !== 8 || g.some((x) => !Number.isInteger(x))) return true
  const [a] = g as [number]
  if (g.slice(0, 7).every((x) => x === 0) && g[7]! <= 1) return true // :: and ::1
  if ((a & 0xfe00) === 0xfc00) return true // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return true // link-local fe80::/10
  if ((a & 0xff00) === 0xff00) return true // multicast
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the IPv4 address decides.
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff
  const nat64 = a === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)
  if (mapped || nat64) {
    return v4Blocked(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`)
  }
  return false
}

/** Why a URL may not receive webhooks, or null when it may. */
export function refusedUrl(input: string, allowLocal: boolean): string | null {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return 'not a URL'
  }
  if (url.username || url.password) return 'a URL with credentials in it'
  const host = url.hostname
  if (allowLocal && host === '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'https:'))
    return null
  if (url.protocol !== 'https:') return 'not https'
  if (host.startsWith('[')) return v6Blocked(host.slice(1, -1)) ? 'a non-public IPv6 address' : null
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return v4Blocked(host) ? 'a non-public IPv4 address' : null
  if (!host.includes('.') || LOCAL_NAMES.test(host.replace(/\.$/, ''))) return 'a local host name'
  return null
}
