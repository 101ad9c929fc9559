import type { ModelFacts, SyntaxNode } from "../types.js";

/** A cheap text check: can this file declare a Django model class at all? */
export function mayDeclareModels(source: string): boolean {
  return source.includes("Model") && source.includes("class ");
}

const FIELD_RELATIONS = new Set(["ForeignKey", "OneToOneField"]);

function lastName(expr: SyntaxNode): string {
  return expr.type === "attribute" ? (expr.childForFieldName("attribute")?.text ?? "") : expr.text;
}

/**
 * Classes that look like Django models: a base named `Model` (`models.Model`,
 * `django.db.models.Model`) or ending in `Model`; their managers and relation fields.
 * Bases that are other model classes are resolved across files by the project pre-pass.
 */
export function modelClassesIn(root: SyntaxNode): Record<string, ModelFacts> {
  const models: Record<string, ModelFacts> = {};
  for (const cls of root.descendantsOfType("class_definition")) {
    const name = cls.childForFieldName("name")?.text;
    const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
    if (!name || !bases.some((b) => lastName(b) === "Model")) continue;
    const facts: ModelFacts = { managers: [], relations: [] };
    const body = cls.childForFieldName("body");
    for (const statement of body?.namedChildren ?? []) {
      const assignment = statement.namedChildren[0];
      if (assignment?.type !== "assignment") continue;
      const target = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      if (target?.type !== "identifier" || value?.type !== "call") continue;
      const callee = value.childForFieldName("function");
      const calleeName = callee ? lastName(callee) : "";
      if (FIELD_RELATIONS.has(calleeName)) facts.relations.push(target.text);
      else if (/Manager$/.test(calleeName) || /\.as_manager$/.test(callee?.text ?? ""))
        facts.managers.push(target.text);
    }
    models[name] = facts;
  }
  return models;
}
