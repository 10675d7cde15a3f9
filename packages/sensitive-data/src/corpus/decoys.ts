import type { Random } from './random';

/** Decoy values: the numbers and dates of ordinary comments that must never be taken for entities. */

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function date(random: Random): string {
  const [y, m, d] = [random.int(1990, 2030), random.int(1, 12), random.int(1, 28)];
  return random.pick([
    `${y}-${pad(m)}-${pad(d)}`,
    `${pad(d)}/${pad(m)}/${y}`,
    `${pad(m)}/${pad(d)}/${y}`,
    `${pad(d)}.${pad(m)}.${y}`,
    `${pad(d)}-${pad(m)}-${y}`,
    `${y}/${pad(m)}/${pad(d)}`,
    `${y}${pad(m)}${pad(d)}`,
    `${MONTH_NAMES[m - 1]} ${d}, ${y}`,
    `${d} ${MONTH_NAMES[m - 1]} ${y}`,
    `${d}.${m}.${String(y).slice(2)}`,
  ]);
}

export function time(random: Random): string {
  const [h, m, s] = [random.int(0, 23), random.int(0, 59), random.int(0, 59)];
  return random.pick([
    `${pad(h)}:${pad(m)}`,
    `${pad(h)}:${pad(m)}:${pad(s)}`,
    `${(h % 12) + 1}:${pad(m)} pm`,
    `${h}h${pad(m)}`,
  ]);
}

export function timestamp(random: Random): string {
  return `${random.int(2020, 2026)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}Z`;
}

export function price(random: Random): string {
  const whole = random.int(1, 9999);
  const cents = pad(random.int(0, 99));
  const thousands = (separator: string) => String(whole).replace(/\B(?=(\d{3})+$)/g, separator);
  return random.pick([
    `$${thousands(',')}.${cents}`,
    `${thousands('.')},${cents} €`,
    `€ ${thousands('.')},${cents}`,
    `EUR ${thousands(' ')},${cents}`,
    `£${whole}.${cents}`,
    `${thousands(' ')} kr`,
    `USD ${thousands(',')},${random.digits(3)}`,
    `${whole}.${cents} USD`,
  ]);
}

export function orderId(random: Random): string {
  return random.pick([
    `#${random.digits(7)}`,
    `ORD-${random.int(2020, 2026)}-${random.digits(6)}`,
    random.digits(random.int(8, 12)),
    `A${random.digits(2)}Z-${random.digits(5)}`,
  ]);
}

export function invoiceNumber(random: Random): string {
  return random.pick([`INV-${random.digits(6)}`, `${random.int(2020, 2026)}/${random.digits(4)}`, random.digits(6)]);
}

export function roomNumber(random: Random): string {
  return random.pick([String(random.int(100, 2599)), `${random.int(1, 40)}${random.pick(['A', 'B', 'C'])}`]);
}

export function streetAddress(random: Random): string {
  return random.pick([
    `${random.int(1, 9999)} Amphitheatre Parkway, Mountain View, CA ${random.digits(5)}`,
    `${random.int(1, 300)}B Baker Street, London NW1 6XE`,
    `Hauptstraße ${random.int(1, 200)}, ${random.digits(5)} Berlin`,
    `${random.int(1, 999)} Fifth Avenue, New York, NY ${random.digits(5)}`,
    `Keizersgracht ${random.int(1, 800)}, ${random.int(1000, 9999)} AB Amsterdam`,
  ]);
}

/** Versions of three or five parts, which no reading makes an IPv4 address. */
export function version(random: Random): string {
  return random.pick([
    `v${random.int(0, 20)}.${random.int(0, 30)}.${random.int(0, 99)}`,
    `${random.int(1, 12)}.${random.int(0, 9)}.${random.int(0, 9)}.${random.int(0, 9)}.${random.int(0, 9)}`,
    `${random.int(1, 9)}.${random.int(0, 30)}.${random.int(0, 9)}`,
  ]);
}

/** A four-part version ("4.1.12.250") reads exactly like an IPv4 address; only a version word tells them apart. */
export function fourPartVersion(random: Random): string {
  return `${random.int(1, 20)}.${random.int(0, 9)}.${random.int(0, 20)}.${random.int(0, 300)}`;
}

export function year(random: Random): string {
  return String(random.int(1950, 2030));
}

export function percentage(random: Random): string {
  return random.pick([`${random.int(1, 99)}%`, `${random.int(1, 99)}.${random.int(0, 99)}%`, `${random.int(1, 99)} %`]);
}

export function decimalPair(random: Random): string {
  return `${random.int(-89, 89)}.${random.digits(4)}, ${random.int(-179, 179)}.${random.digits(4)}`;
}

export function isbn(random: Random): string {
  return `978-${random.int(0, 9)}-${random.digits(2)}-${random.digits(6)}-${random.int(0, 9)}`;
}
