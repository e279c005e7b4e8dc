import type { App, Person } from '../lib/records';

/** A small deterministic PRNG (mulberry32), so every bench run searches the same org. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Christopher',
  'Nancy',
  'Daniel',
  'Lisa',
  'Matthew',
  'Betty',
  'Anthony',
  'Margaret',
  'Mark',
  'Sandra',
  'Alexander',
  'Anne-Marie',
  'Jean-Luc',
  'Seán',
  'Siobhán',
  'Zoë',
  'Chloé',
  'Renée',
  'José',
  'María',
  'Łukasz',
  'Małgorzata',
  'Søren',
  'Bjørn',
  'Ægir',
  'Đorđe',
  'Jürgen',
  'Günther',
  'Ömer',
  'Ayşe',
  'François',
  'Hélène',
  'Noémie',
  'Björk',
  'Þórunn',
  'Ingrid',
  'Priya',
  'Arjun',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Min-jun',
  'Seo-yeon',
  'Olga',
  'Dmitri',
  'Fatima',
  'Omar',
  'Yosef',
  'Noa',
  'Kwame',
  'Amara',
  'Chidi',
  'Ngozi',
  'Mateus',
  'Luíza',
  'Nguyễn',
  'Thảo',
  'Ahmad',
  'Layla',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  "O'Brien",
  "O'Connor",
  "D'Angelo",
  'Duval-Smith',
  'Müller',
  'Schröder',
  'Groß',
  'Weiß',
  'Nowak',
  'Wiśniewski',
  'Kowalczyk',
  'Łęcki',
  'Jørgensen',
  'Østergaard',
  'Sæther',
  'Đukić',
  'Yılmaz',
  'Öztürk',
  'Lefèvre',
  'Dubois',
  'Gárcia-Márquez',
  'Núñez',
  'Gudmundsdóttir',
  'Sharma',
  'Patel',
  'Nakamura',
  'Tanaka',
  'Kim',
  'Park',
  'Ivanova',
  'Petrov',
  'Haddad',
  'Cohen',
  'Levi',
  'Okafor',
  'Mensah',
  'Silva',
  'Santos',
  'Tran',
  'Le',
  'Van der Berg',
  'MacDonald',
  'Fitzgerald',
  'Kuznetsov',
  'Novak',
  'Horvat',
];
const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'na',
  'le',
  'ta',
  'so',
  'vi',
  'da',
  'ne',
  'lo',
  'ru',
  'shi',
  'an',
  'el',
  'or',
];
const NATIVE = [
  '王小明',
  '李娜',
  '张伟',
  '山田 太郎',
  '佐藤 花子',
  '김민준',
  '이서연',
  'Иван Петров',
  'Анна Смирнова',
  'محمد علي',
  'فاطمة حسن',
  'Νίκος Παπαδόπουλος',
  'Ελένη Γεωργίου',
  'דוד כהן',
  'สมชาย ใจดี',
  'प्रिया शर्मा',
];
const APP_LABELS = [
  'Slack',
  'Zoom',
  'Salesforce',
  'Workday',
  'Jira',
  'Confluence',
  'GitHub',
  'Google Drive',
  'Gmail',
  'Google Calendar',
  'Outlook Mail',
  'Outlook Calendar',
  'Microsoft Teams',
  'SharePoint',
  'OneDrive',
  'Box',
  'Dropbox',
  'DocuSign',
  'Concur',
  'ServiceNow',
  'Zendesk',
  'HubSpot',
  'Marketo',
  'Tableau',
  'Looker',
  'Figma',
  'Miro',
  'Notion',
  'Asana',
  'Trello',
  'Okta Dashboard',
  'AWS Console',
  'Datadog',
  'PagerDuty',
  'Greenhouse',
  'Lattice',
  'Expensify',
  'Coupa',
  'NetSuite',
  'Gusto',
  'BambooHR',
  'Zoom Rooms',
  'Smartsheet',
  'Airtable',
  'LucidChart',
  'Loom',
  'Calendly',
  'Intercom',
  'Segment',
  'Sentry',
  'Splunk',
  '1Password',
  'LastPass',
  'Webex',
  'Adobe Sign',
  'Adobe Creative Cloud',
  'Canva',
  'Monday',
  'ClickUp',
  'Mural',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function syntheticName(random: () => number): string {
  const parts = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < parts; i++) name += pick(random, SYLLABLES);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The bench's org: ~60 apps and `count` people with realistic names in several scripts, namesakes included. */
export function generateBenchOrg(count: number, seed = 42): { apps: App[]; people: Person[] } {
  const random = seededRandom(seed);
  const apps = APP_LABELS.map((label, i): App => {
    const appInstanceId = `0oa${i.toString().padStart(6, '0')}`;
    const linkUrl = `https://acme.okta.com/home/${label.toLowerCase().replace(/\W+/g, '')}/${appInstanceId}`;
    return {
      id: `${appInstanceId} ${linkUrl}`,
      appInstanceId,
      label,
      linkUrl,
      appName: label.toLowerCase(),
      sortOrder: i,
    };
  });
  const people: Person[] = [];
  const emails = new Set<string>();
  for (let i = 0; i < count; i++) {
    let firstName: string;
    let lastName: string;
    let displayName: string;
    const roll = random();
    if (roll < 0.05) {
      displayName = pick(random, NATIVE);
      [firstName = displayName, lastName = ''] = displayName.split(' ');
    } else {
      firstName = roll < 0.5 ? pick(random, FIRST) : syntheticName(random);
      lastName = roll < 0.3 || roll > 0.8 ? pick(random, LAST) : syntheticName(random);
      displayName = `${firstName} ${lastName}`;
    }
    const ascii = (text: string): string =>
      text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '');
    let local = `${ascii(firstName) || 'user'}.${ascii(lastName) || i.toString(36)}`;
    while (emails.has(local)) local += Math.floor(random() * 10).toString();
    emails.add(local);
    people.push({
      id: `00u${i.toString(36).padStart(8, '0')}`,
      displayName,
      firstName,
      ...(lastName === '' ? {} : { lastName }),
      email: `${local}@acme.example`,
    });
  }
  return { apps, people };
}
