import type { SeedUser } from '../seed/types';

/** A compiled `search`/`filter` expression. */
export type UserPredicate = (user: SeedUser) => boolean;

/** Thrown for an expression the parser does not accept. */
export class ScimFilterError extends Error {}

type Token =
  { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'paren'; text: '(' | ')' };

const OPERATORS = new Set(['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr']);

/**
 * Parses Okta's SCIM-style search subset: `eq sw co gt ge lt le pr`, `and`, `or`, parentheses, on `id`,
 * `status`, `created`, `activated`, `statusChanged`, `lastUpdated`, `type.id` and `profile.*`.
 * Attribute names are case-sensitive, operators and values are not (okta-api.md §6.1).
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/listUsers
 */
export function parseScimFilter(text: string): UserPredicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new ScimFilterError('Unexpected end of expression');
    return token;
  };
  const isWord = (token: Token | undefined, word: string): boolean =>
    token?.kind === 'word' && token.text.toLowerCase() === word;

  const parseOr = (): UserPredicate => {
    const parts = [parseAnd()];
    while (isWord(peek(), 'or')) {
      position++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? parts[0]! : (user) => parts.some((part) => part(user));
  };
  const parseAnd = (): UserPredicate => {
    const parts = [parseFactor()];
    while (isWord(peek(), 'and')) {
      position++;
      parts.push(parseFactor());
    }
    return parts.length === 1 ? parts[0]! : (user) => parts.every((part) => part(user));
  };
  const parseFactor = (): UserPredicate => {
    const token = next();
    if (token.kind === 'paren' && token.text === '(') {
      const inner = parseOr();
      const close = next();
      if (close.kind !== 'paren' || close.text !== ')') throw new ScimFilterError('Expected )');
      return inner;
    }
    if (token.kind !== 'word') throw new ScimFilterError(`Expected an attribute, got ${token.text}`);
    const read = attributeReader(token.text);
    const operator = next();
    const op = operator.text.toLowerCase();
    if (operator.kind !== 'word' || !OPERATORS.has(op))
      throw new ScimFilterError(`Unknown operator ${operator.text}`);
    if (op === 'pr') return (user) => read(user) != null && read(user) !== '';
    const literal = next();
    if (literal.kind === 'paren') throw new ScimFilterError('Expected a value');
    const value = literal.kind === 'word' && literal.text === 'null' ? null : literal.text.toLowerCase();
    return (user) => compare(read(user), op, value);
  };

  const predicate = parseOr();
  if (position !== tokens.length) throw new ScimFilterError('Unexpected text after expression');
  return predicate;
}

function compare(actual: string | null | undefined, op: string, expected: string | null): boolean {
  if (expected === null) return op === 'eq' ? actual == null : false;
  if (actual == null) return false;
  const left = actual.toLowerCase();
  switch (op) {
    case 'eq':
      return left === expected;
    case 'sw':
      return left.startsWith(expected);
    case 'co':
      return left.includes(expected);
    case 'gt':
      return left > expected;
    case 'ge':
      return left >= expected;
    case 'lt':
      return left < expected;
    default:
      return left <= expected;
  }
}

function attributeReader(name: string): (user: SeedUser) => string | null | undefined {
  const top: Record<string, (user: SeedUser) => string | null> = {
    id: (user) => user.id,
    status: (user) => user.status,
    created: (user) => user.created,
    activated: (user) => user.activated,
    statusChanged: (user) => user.statusChanged,
    lastUpdated: (user) => user.lastUpdated,
    lastLogin: (user) => user.lastLogin,
    'type.id': () => 'otyDEVORGDEFAULT0001',
  };
  const direct = top[name];
  if (direct) return direct;
  if (name.startsWith('profile.')) {
    const key = name.slice('profile.'.length);
    return (user) => {
      const value: unknown = (user.profile as unknown as Record<string, unknown>)[key];
      return typeof value === 'string' ? value : value == null ? null : String(value);
    };
  }
  throw new ScimFilterError(`Unknown attribute ${name}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', text: char });
      index++;
    } else if (char === '"') {
      // Quotes inside values are escaped as \" (okta-api.md §6.1).
      let value = '';
      index++;
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\' && index + 1 < text.length) index++;
        value += text[index];
        index++;
      }
      if (text[index] !== '"') throw new ScimFilterError('Unterminated string');
      index++;
      tokens.push({ kind: 'string', text: value });
    } else {
      const match = /^[^\s()"]+/.exec(text.slice(index));
      const word = match?.[0] ?? char;
      tokens.push({ kind: 'word', text: word });
      index += word.length;
    }
  }
  return tokens;
}
