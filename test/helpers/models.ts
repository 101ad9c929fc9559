import { classesIn, modelClassesFrom } from "../../src/django/models.js";
import type { ModelFacts, SyntaxNode } from "../../src/model/types.js";

/** The model classes one file declares (bases resolved within the file only). */
export function modelClassesIn(root: SyntaxNode): Record<string, ModelFacts> {
  return modelClassesFrom([classesIn(root)]);
}
