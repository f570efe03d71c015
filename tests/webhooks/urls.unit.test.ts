import { describe, expect, it } from 'vitest'
import { refusedUrl } from '../../src/webhooks/urls'

describe('webhook URLs', () => {
  const refused: [string, string][] = [
    ['http://hooks.example.com/in', 'not https'],
    ['ftp://hooks.example.com/in', 'not https'],
    ['https://user:pw@hooks.example.com/in', 'a URL with credentials in it'],
    ['https://127.0.0.1/in', 'a non-public IPv4 address'],
    ['https://127.1/in', 'a non-public IPv4 address'],
    ['https://2130706433/in', 'a non-public IPv4 address'],
    ['https://0x7f.0.0.1/in', 'a non-public IPv4 address'],
    ['https://0.0.0.0/in', 'a non-public IPv4 address'],
    ['https://10.0.0.5/in', 'a non-public IPv4 address'],
    ['https://172.16.0.1/in', 'a non-public IPv4 address'],
    ['https://172.31.255.255/in', 'a non-public IPv4 address'],
    ['https://192.168.1.1/in', 'a non-public IPv4 address'],
    ['https://169.254.169.254/latest/meta-data', 'a non-public IPv4 address'],
    ['https://100.64.0.1/in', 'a non-public IPv4 address'],
    ['https://224.0.0.1/in', 'a non-public IPv4 address'],
    ['https://[::1]/in', 'a non-public IPv6 address'],
    ['https://[::]/in', 'a non-public IPv6 address'],
    ['https://[0:0:0:0:0:0:0:1]/in', 'a non-public IPv6 address'],
    ['https://[fe80::1]/in', 'a non-public IPv6 address'],
    ['https://[fd12:3456::1]/in', 'a non-public IPv6 address'],
    ['https://[fc00::1]/in', 'a non-public IPv6 address'],
    ['https://[ff02::1]/in', 'a non-public IPv6 address'],
    ['https://[::ffff:127.0.0.1]/in', 'a non-public IPv6 address'],
    ['https://[::ffff:10.0.0.1]/in', 'a non-public IPv6 address'],
    ['https://[64:ff9b::192.168.0.1]/in', 'a non-public IPv6 address'],
    ['https://localhost/in', 'a local host name'],
    ['https://LOCALHOST./in', 'a local host name'],
    ['https://api.localhost/in', 'a local host name'],
    ['https://printer.local/in', 'a local host name'],
    ['https://db.internal/in', 'a local host name'],
    ['https://intranet/in', 'a local host name'],
    ['not a url', 'not a URL'],
  ]
  for (const [url, why] of refused) {
    it(`refuses ${url}: ${why}`, () => {
      expect(refusedUrl(url, false)).toBe(why)
      // Allowing 127.0.0.1 opens that one host, nothing else.
      if (!/127\.0\.0\.1|127\.1|2130706433|0x7f/.test(url)) expect(refusedUrl(url, true)).toBe(why)
    })
  }

  it('takes https URLs of public hosts and addresses', () => {
    for (const url of [
      'https://hooks.example.com/in',
      'https://hooks.example.com:8443/in?x=1',
      'https://8.8.8.8/in',
      'https://172.32.0.1/in',
      'https://[2606:4700:4700::1111]/in',
      'https://[::ffff:8.8.8.8]/in',
    ])
      expect([url, refusedUrl(url, false)]).toEqual([url, null])
  })

  it('takes http(s)://127.0.0.1 only when the setting allows it', () => {
    expect(refusedUrl('http://127.0.0.1:8788/hook', false)).toBe('not https')
    expect(refusedUrl('http://127.0.0.1:8788/hook', true)).toBeNull()
    expect(refusedUrl('https://127.0.0.1/hook', true)).toBeNull()
    expect(refusedUrl('http://localhost:8788/hook', true)).toBe('not https')
    expect(refusedUrl('http://[::1]:8788/hook', true)).toBe('not https')
  })
})
