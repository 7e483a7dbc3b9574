/**
 * Release codenames as purl `distro` qualifiers carry them (`distro=focal`, `distro=debian-bookworm`)
 * → the release numbers advisories are filed under (Ubuntu:20.04, Debian:12).
 */
const codenames: Readonly<Record<string, string>> = {
  // Ubuntu
  trusty: '14.04',
  xenial: '16.04',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  // Debian
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

/** The release number for a codename, or the value itself when it is not a known codename. */
export function releaseOfCodename(value: string): string {
  return codenames[value.toLowerCase()] ?? value;
}
