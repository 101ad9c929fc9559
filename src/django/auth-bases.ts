import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { methodResolutionOrder, ownMethod } from "../python/mro.js";
import { classOfSelf, qualifiedBase } from "./plain-self.js";

// orm-human-5 H6 (FASHIONISTAR's `CustomUserManager.create_user`): Django's auth bases define
// helpers that only compute strings, which a user manager's `create_user` calls before its one
// save: `self.normalize_email(email)` (BaseUserManager, a classmethod), and the user model's
// `normalize_username` / `get_email_field_name` (AbstractBaseUser, classmethods). No query.

const AUTH_MANAGER_BASES =
  /^django\.contrib\.auth\.(base_user\.BaseUserManager|models\.(BaseUserManager|UserManager))$/;

/** BaseUserManager's methods that only compute a value (`make_random_password`: before 5.1). */
const PURE_MANAGER_METHODS = new Set(["normalize_email", "make_random_password"]);

/** AbstractBaseUser's class methods that only compute a value. */
export const PURE_USER_CLASS_METHODS = new Set(["normalize_username", "get_email_field_name"]);

/**
 * `self.normalize_email(...)` in a method of a class whose order reaches Django's user manager
 * base past classes of this file that do not define the method.
 */
export function isPureUserManagerMethod(self: SyntaxNode, method: string): boolean {
  return PURE_MANAGER_METHODS.has(method) && reachesUserManager(self, method);
}

/** Does the order of `self`'s class reach Django's user manager, past classes of this file without `name`? */
export function reachesUserManager(self: SyntaxNode, name: string): boolean {
  const cls = classOfSelf(self);
  for (const c of (cls && methodResolutionOrder(cls)) ?? []) {
    if (c.kind === "local") {
      if (ownMethod(c.node, name)) return false;
      continue;
    }
    return AUTH_MANAGER_BASES.test(qualifiedBase(c, cls!) ?? "");
  }
  return false;
}

/**
 * `User.normalize_username(...)`, `self.model.normalize_username(...)`, `Member.objects.normalize_email(...)`:
 * on a model class or a manager, Django's (or an AttributeError, no query), unless a class of the
 * project defines the name.
 */
export function isPureAuthHelper(project: ProjectFacts, method: string): boolean {
  return (
    (PURE_USER_CLASS_METHODS.has(method) || PURE_MANAGER_METHODS.has(method)) &&
    !(project.index?.functions ?? []).some((fn) => fn.name === method && !!fn.className)
  );
}
