// A real IndexedDB implementation for every unit and integration test (STYLE.md, rule 12).
import 'fake-indexeddb/auto';
