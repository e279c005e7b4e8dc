import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import type { App, Person } from '../../../lib/records';
import { search } from '../../../lib/search/search';
import { buildSearchIndex } from '../../../lib/search/search-index';

// A fixture org by hand: ~60 apps and ~300 people with the hard cases named, the rest generated.
const APP_LABELS = [
  'Slack',
  'Zoom',
  'Salesforce',
  'Salesforce Sandbox',
  'Workday',
  'Jira',
  'Jira Service Management',
  'Confluence',
  'GitHub',
  'GitHub Enterprise',
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
  'Smartsheet',
  'Airtable',
  'Lucidchart',
  'Loom',
  'Calendly',
  'Intercom',
  'Segment',
  'Sentry',
  'Splunk',
  '1Password',
  'Webex',
  'Adobe Sign',
  'Adobe Creative Cloud',
  'Canva',
  'Monday.com',
  'Mural',
  'Zoom Rooms',
  'Okta Dashboard',
];
const apps: App[] = APP_LABELS.map((label, i) => {
  const appInstanceId = `0oa${String(i).padStart(4, '0')}`;
  const linkUrl = `https://acme.okta.com/home/${i}`;
  return { id: `${appInstanceId} ${linkUrl}`, appInstanceId, label, linkUrl, appName: label, sortOrder: i };
});

const NAMED: Array<[id: string, displayName: string, email: string]> = [
  ['obrien', "Seán O'Brien", 'sean.obrien'],
  ['oconnor', 'Siobhán O’Connor', 'siobhan.oconnor'],
  ['dangelo', "Marco D'Angelo", 'marco.dangelo'],
  ['duval', 'Anne-Marie Duval-Smith', 'annemarie.duvalsmith'],
  ['garcia', 'José García-Márquez', 'jose.garciamarquez'],
  ['lukasz', 'Łukasz Wiśniewski', 'lukasz.wisniewski'],
  ['soren', 'Søren Østergaard', 'soren.ostergaard'],
  ['aegir', 'Ægir Sæther', 'aegir.saether'],
  ['gross', 'Jürgen Groß', 'juergen.gross'],
  ['djordje', 'Đorđe Đukić', 'djordje.djukic'],
  ['yilmaz', 'Ayşe Yılmaz', 'ayse.yilmaz'],
  ['thorunn', 'Þórunn Guðmundsdóttir', 'thorunn.gudmundsdottir'],
  ['renee', 'Renée Lefèvre', 'renee.lefevre'],
  ['zoe', 'Zoë Œhlenschläger', 'zoe.oehlenschlaeger'],
  ['nguyen', 'Nguyễn Thị Thảo', 'thao.nguyen'],
  ['wang', '王小明', 'xiaoming.wang'],
  ['li', '李娜', 'na.li'],
  ['yamada', '山田 太郎', 'taro.yamada'],
  ['kim', '김민준', 'minjun.kim'],
  ['ivanov', 'Иван Иванов', 'ivan.ivanov'],
  ['smirnova', 'Анна Смирнова', 'anna.smirnova'],
  ['papadopoulos', 'Νίκος Παπαδόπουλος', 'nikos.papadopoulos'],
  ['ali', 'محمد علي', 'mohammed.ali'],
  ['cohen', 'דוד כהן', 'david.cohen'],
  ['somchai', 'สมชาย ใจดี', 'somchai.jaidee'],
  ['sharma', 'प्रिया शर्मा', 'priya.sharma'],
  ['jane1', 'Jane Doe', 'jane.doe'],
  ['jane2', 'Jane Doe', 'jane.doe2'],
  ['zoom-person', 'Zoom Carter', 'zoom.carter'],
  ['box-person', 'Box Henderson', 'box.henderson'],
  ['jira-person', 'Jira Patel', 'jira.patel'],
  ['mark', 'Mark Lee', 'mark.lee'],
  ['marko', 'Marko Leeds', 'marko.leeds'],
  ['alexander', 'Alexander Kowalczyk', 'alexander.kowalczyk'],
  ['christopher', 'Christopher Fitzgerald', 'chris.fitzgerald'],
  ['macdonald', 'Catriona MacDonald', 'catriona.macdonald'],
  ['vanderberg', 'Pieter van der Berg', 'pieter.vanderberg'],
];
const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Lucas',
  'Mia',
  'Mateo',
  'Amelia',
  'Ethan',
  'Harper',
  'Leo',
];
const LAST = [
  'Anderson',
  'Brooks',
  'Castillo',
  'Dawson',
  'Ellison',
  'Fujita',
  'Gallagher',
  'Hoffman',
  'Iverson',
  'Jensen',
  'Kaur',
  'Lindqvist',
  'Moreno',
  'Novak',
  'Okafor',
  'Petrenko',
  'Quinn',
  'Rasmussen',
  'Sato',
  'Thorsen',
  'Underwood',
];

function generatedPeople(): Person[] {
  const people: Person[] = [];
  for (let i = 0; people.length < 260; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length] as string;
    people.push({
      id: `gen${i}`,
      displayName: `${first} ${last}`,
      firstName: first,
      lastName: last,
      email: `${first}.${last}${i}@acme.example`.toLowerCase(),
    });
  }
  return people;
}

const people: Person[] = [
  ...NAMED.map(([id, displayName, local]): Person => ({ id, displayName, email: `${local}@acme.example` })),
  ...generatedPeople(),
];

function label(id: string): string {
  const app = apps.find((a) => a.id === id);
  return app === undefined ? id : `app:${app.label}`;
}

// Query → the acceptable top results ("app:Label" or a person id; namesakes list each other).
const HAND_CASES: Array<[query: string, expected: string[]]> = [
  ...APP_LABELS.map((l): [string, string[]] => [l.toLowerCase(), [`app:${l}`]]),
  ['zoom', ['app:Zoom']],
  ['box', ['app:Box']],
  ['jira', ['app:Jira']],
  ['salesforce', ['app:Salesforce']],
  ['github', ['app:GitHub']],
  ['outlook cal', ['app:Outlook Calendar']],
  ['google dr', ['app:Google Drive']],
  ['jira serv', ['app:Jira Service Management']],
  ['adobe c', ['app:Adobe Creative Cloud']],
  ['monday', ['app:Monday.com']],
  ['salesfroce', ['app:Salesforce']],
  ['confluenc', ['app:Confluence']],
  ['obrien', ['obrien']],
  ["o'brien", ['obrien']],
  ['o’brien', ['obrien']],
  ['sean obrien', ['obrien']],
  ['oconnor', ['oconnor']],
  ["o'connor", ['oconnor']],
  ['siobhan', ['oconnor']],
  ['dangelo', ['dangelo']],
  ['duval', ['duval']],
  ['duval-smith', ['duval']],
  ['duvalsmith', ['duval']],
  ['anne-marie', ['duval']],
  ['annemarie', ['duval']],
  ['garcia marquez', ['garcia']],
  ['jose garcia', ['garcia']],
  ['lukasz', ['lukasz']],
  ['wisniewski', ['lukasz']],
  ['soren', ['soren']],
  ['ostergaard', ['soren']],
  ['aegir', ['aegir']],
  ['saether', ['aegir']],
  ['gross', ['gross']],
  ['jurgen', ['gross']],
  ['dorde', ['djordje']],
  ['dukic', ['djordje']],
  ['yilmaz', ['yilmaz']],
  ['ayse', ['yilmaz']],
  ['thorunn', ['thorunn']],
  ['gudmundsdottir', ['thorunn']],
  ['renee', ['renee']],
  ['lefevre', ['renee']],
  ['zoe', ['zoe']],
  ['oehlenschlager', ['zoe']],
  ['thao', ['nguyen']],
  ['nguyen thi', ['nguyen']],
  ['王', ['wang']],
  ['王小', ['wang']],
  ['小明', ['wang']],
  ['李', ['li']],
  ['山田', ['yamada']],
  ['太郎', ['yamada']],
  ['김민준', ['kim']],
  ['민준', ['kim']],
  ['иван', ['ivanov']],
  ['иванов', ['ivanov']],
  ['смирнова', ['smirnova']],
  ['νικος', ['papadopoulos']],
  ['Παπαδόπουλος', ['papadopoulos']],
  ['محمد', ['ali']],
  ['דוד', ['cohen']],
  ['สมชาย', ['somchai']],
  ['प्रिया', ['sharma']],
  ['jane.doe@', ['jane1']],
  ['jane.doe2@', ['jane2']],
  ['jane doe', ['jane1', 'jane2']],
  ['xiaoming.wang@', ['wang']],
  ['taro.yamada', ['yamada']],
  ['chris.fitz', ['christopher']],
  ['mark', ['mark']],
  ['mark lee', ['mark']],
  ['marko', ['marko']],
  ['alexandr', ['alexander']],
  ['alexnader', ['alexander']],
  ['kowalcyzk', ['alexander']],
  ['kowalczk', ['alexander']],
  ['christpher', ['christopher']],
  ['fitzgerlad', ['christopher']],
  ['macdonald', ['macdonald']],
  ['mcdonald', ['macdonald']],
  ['van der berg', ['vanderberg']],
  ['pieter van', ['vanderberg']],
];

function generatedCases(): Array<[string, string[]]> {
  const cases: Array<[string, string[]]> = [];
  const byName = new Map<string, string[]>();
  for (const p of people) byName.set(p.displayName, [...(byName.get(p.displayName) ?? []), p.id]);
  for (const p of people.slice(NAMED.length, NAMED.length + 80)) {
    cases.push([p.displayName, byName.get(p.displayName) ?? []]);
    cases.push([`${(p.email ?? '').split('@')[0]}@`, [p.id]]);
  }
  return cases;
}

const CASES = [...HAND_CASES, ...generatedCases()];
const index = buildSearchIndex(apps, people);

function top(query: string): string | undefined {
  const first = search(index, query)[0];
  return first === undefined ? undefined : first.kind === 'app' ? label(first.app.id) : first.person.id;
}

describe('relevance over a fixture org', () => {
  let hits = 0;
  afterAll(() => {
    console.info(
      `search relevance: hit@1 ${hits}/${CASES.length} (${((100 * hits) / CASES.length).toFixed(1)}%)`,
    );
  });

  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CASES)('ranks the expected result first for %j', (query, expected) => {
    const found = top(query);
    if (found !== undefined && expected.includes(found)) hits++;
    expect(expected).toContain(found);
  });

  it('ranks at least as many cases first as plain MiniSearch does', () => {
    const mini = new MiniSearch<{ id: string; name: string; email: string }>({
      fields: ['name', 'email'],
      searchOptions: { prefix: true, fuzzy: 0.2 },
    });
    mini.addAll([
      ...apps.map((a) => ({ id: `app:${a.label}`, name: a.label, email: '' })),
      ...people.map((p) => ({ id: p.id, name: p.displayName, email: p.email ?? '' })),
    ]);
    const miniHits = CASES.filter(([q, expected]) => expected.includes(String(mini.search(q)[0]?.id))).length;
    const ourHits = CASES.filter(([q, expected]) => expected.includes(top(q) ?? '')).length;
    expect(ourHits).toBeGreaterThanOrEqual(miniHits);
  });
});
