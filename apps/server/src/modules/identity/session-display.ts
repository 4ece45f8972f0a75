/**
 * How a session's source shows to the security administrator: enough to tell a school's network
 * from an unknown one, not the exact address of a person (PIPL minimisation). IPv4 keeps its /24,
 * IPv6 its /48 (a site), an IPv4-mapped IPv6 address shows as IPv4.
 */
export function maskAddress(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`;
  if (ip.includes(':')) {
    const [head = ''] = ip.split('::');
    const groups = head.split(':').filter(Boolean);
    // `::1`, `fe80::…` and other short heads keep what they have; nothing past the /48.
    return `${groups.slice(0, 3).join(':') || ''}::*`;
  }
  return '*';
}

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\/([\d]+)/, '微信'],
  [/DingTalk\/([\d]+)/, '钉钉'],
  [/Edg\/([\d]+)/, 'Edge'],
  [/Firefox\/([\d]+)/, 'Firefox'],
  [/(?:Chrome|CriOS|HeadlessChrome)\/([\d]+)/, 'Chrome'],
  [/Version\/([\d]+).*Safari/, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Linux/, 'Linux'],
];

/** A user agent as a person reads it ("Chrome 124 · Windows"), or the first 40 characters. */
export function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = BROWSERS.map(([re, name]) => {
    const m = re.exec(ua);
    return m ? `${name} ${m[1]}` : undefined;
  }).find(Boolean);
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!browser && !system) return ua.slice(0, 40);
  return [browser, system].filter(Boolean).join(' · ');
}
