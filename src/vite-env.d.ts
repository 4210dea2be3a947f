/// <reference types="vite/client" />

/** Which build of the corpus's data files the app loads: a content hash, or "dev". */
declare const __DATA_VERSION__: string;
