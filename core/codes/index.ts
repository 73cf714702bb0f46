export * from './code-book';
export * from './code-structure';
export * from './code-csv';
export * from './code-search';
