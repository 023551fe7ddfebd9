/** The bytes of an entry that holds none, or was left unread: one shared, empty array (a typed array per file is costly on a large catalog). */
export const NO_BYTES: Uint8Array = new Uint8Array(0);
