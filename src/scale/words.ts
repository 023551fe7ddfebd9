/** The words synthetic catalogs are made of: people, domains, components, models and tags. */

/** First names of synthetic users. */
export const FIRST_NAMES = [
  "maya", "daniel", "sofia", "jonas", "priya", "lucas", "amara", "tomas", "grace", "ravi", "hannah", "omar", "elena",
  "kenji", "aisha", "bruno", "chloe", "diego", "emma", "farid", "greta", "hugo", "ines", "jamal", "kira", "leon",
  "mina", "nadia", "oscar", "paula", "quentin", "rosa", "samir", "tara", "ulla", "victor", "wen", "xavier", "yara", "zoe",
];

/** Last names of synthetic users. */
export const LAST_NAMES = [
  "chen", "okafor", "alvarez", "weber", "raman", "moreau", "nwosu", "novak", "kim", "shankar", "berg", "haddad",
  "petrova", "watanabe", "silva", "rossi", "dubois", "jensen", "kowalski", "lopez", "martin", "nakamura", "olsen",
  "patel", "quinn", "reyes", "schmidt", "tanaka", "ueda", "vargas", "walsh", "xu", "yilmaz", "zhang", "ahmed",
  "becker", "costa", "davies", "eriksen", "fischer",
];

/** Business areas: org, project and team names, model tasks. */
export const DOMAINS = [
  "fraud", "churn", "demand", "recs", "search", "vision", "speech", "pricing", "ads", "risk", "support", "logistics",
  "forecast", "ranking", "catalog", "payments", "growth", "safety", "maps", "health", "credit", "energy", "retail", "media",
];

/** Organization names (fictional companies). */
export const ORG_WORDS = [
  "northwind", "contoso", "fabrikam", "tailspin", "adatum", "litware", "proseware", "wingtip", "woodgrove", "lucerne",
  "fourth-coffee", "alpine-ski", "blue-yonder", "coho", "trey", "wide-world", "humongous", "margie", "relecloud", "southridge",
];

/** What hub and project components do: the second half of their names. */
export const COMPONENT_ACTIONS = [
  "train", "score", "eval", "serve", "features", "validate", "export", "tune", "ingest", "label", "distill", "explain",
  "monitor", "backfill", "embed", "index", "sample", "split", "augment", "calibrate",
];

/** ML frameworks, for component names and model entries. */
export const FRAMEWORKS = ["xgboost", "pytorch", "sklearn", "lightgbm", "tensorflow", "jax", "onnx", "spark"];

/** Model tasks. */
export const TASKS = ["classification", "regression", "ranking", "forecasting", "retrieval", "detection", "generation", "segmentation"];

/** Model licenses: valid SPDX expressions, and a LicenseRef for an internal one. */
export const LICENSES = ["Apache-2.0", "MIT", "BSD-3-Clause", "LicenseRef-Internal", "(MIT OR Apache-2.0)", "CC-BY-4.0"];

/** The catalog's tag vocabulary: every tag the generator writes is one of these. */
export const TAG_VOCABULARY = [
  "batch", "classification", "cloud", "data-quality", "deep-learning", "docker", "features", "forecasting", "fraud",
  "git", "gradient-boosting", "inference", "nlp", "notebook", "pytorch", "ranking", "recommendations", "research",
  "retrieval", "serving", "tabular", "time-series", "training", "transformers", "vision", "xgboost",
];

/** Team names. */
export const TEAM_WORDS = ["platform", "core", "applied", "research", "infra", "data", "mlops", "product", "insights", "labs"];

/** Words experiment names are made of, two at a time. */
export const EXPERIMENT_WORDS = ["baseline", "tuned", "wide", "deep", "lr-sweep", "bigbatch", "dropout", "warmup", "ensemble", "distilled", "pruned", "reweighted", "holdout", "cv"];

/** Sentences for descriptions and READMEs. */
export const SENTENCES = [
  "Runs nightly on the curated zone of the data lake.",
  "Owned by the platform team; ask in the channel before changing defaults.",
  "Uses the shared feature store and writes its outputs to the artifacts bucket.",
  "Early stopping on the validation split keeps training time predictable.",
  "The defaults match what production uses today.",
  "Scales to a few hundred million rows on the standard node pool.",
  "Reproducible: every run records its code commit and parameters.",
  "Reads Parquet, writes Parquet and a metrics file.",
];
