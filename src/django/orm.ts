// The Django knowledge the transforms and the pre-pass share, by one import path:
// API tables and versions (api.ts), model classes (models.ts), receiver proofs (proofs.ts),
// and the native async twin of one ORM call (twins.ts).
export * from "./api.js";
export * from "./models.js";
export * from "./proofs.js";
export * from "./twins.js";
