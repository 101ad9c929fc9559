// The Django knowledge the transforms and the pre-pass share, by one import path:
// API tables and versions (api.ts), model classes (models.ts), receiver proofs (proofs.ts),
// the native async twin of one ORM call (twins.ts), and Django's test client (test-client.ts).
export * from "./api.js";
export * from "./models.js";
export * from "./proofs.js";
export * from "./twins.js";
export * from "./test-client.js";
