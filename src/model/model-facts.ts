// What the pre-pass knows of one model class of the project (see ProjectFacts.models).

export interface ModelFacts {
  /** Manager attribute names the model declares, beyond `objects`. */
  managers: string[];
  /** ForeignKey and OneToOneField attribute names. */
  relations: string[];
  /** Zero-argument methods that only read the instance's own columns: no query (orm-review M6). */
  inMemoryMethods?: string[];
  /** Properties whose body only computes from plain columns (orm-review-4 P15): no query. */
  inMemoryProperties?: string[];
  /** Properties whose body only builds a queryset (issue 23 item 8): a queryset, no query. */
  querysetProperties?: Record<string, QuerysetPropertyFacts>;
  /** ManyToManyField attribute names (their related managers have aadd, aremove, ...). */
  manyToMany?: string[];
  /**
   * FileField and ImageField attribute names: reading one gives a FieldFile, whose save(),
   * delete() and open() are storage work with no async form in Django.
   */
  files?: string[];
  /**
   * By ForeignKey or OneToOneField attribute, the class name of the model it points to (`"self"`
   * for the model itself, as written): reading it gives an instance of that model.
   */
  targets?: Record<string, string>;
  /** By ManyToManyField attribute, the class name of its rows' model (`"self"` as written). */
  manyToManyTargets?: Record<string, string>;
  /**
   * orm-human-7 K3: by ForeignKey or OneToOneField attribute that points at its target's primary
   * key (no `to_field`), whether it is nullable (`null=True`).
   */
  pkRelations?: Record<string, boolean>;
  /** The model's own relations whose target class its declaring module declares too. */
  boundTargets?: string[];
  /**
   * `Meta.abstract = True`: no manager, and its fields' descriptors and `"self"` targets are its
   * concrete subclasses' (orm-review-8 W3).
   */
  abstract?: true;
  /**
   * Reverse related managers other models declare with `related_name` (a ForeignKey's or a
   * ManyToManyField's): `order.lines` for `ForeignKey(Order, related_name="lines")`.
   */
  reverse?: string[];
  /** By reverse related manager name (`lines`), the model declaring the field (orm-review-7 S7). */
  reverseModels?: Record<string, string>;
  /**
   * By manager attribute, the sync methods its project manager class defines (`create`): Django's
   * `Manager.a<name>()` runs `QuerySet.<name>()` in a thread and never calls the manager's own.
   */
  managerOverrides?: Record<string, string[]>;
  /**
   * By manager attribute, the project manager class it is made of (`objects = ChatManager()`),
   * when no other project class extends that class: `self` in its methods is this manager.
   */
  selfManagers?: Record<string, string>;
  /** The project's model classes whose bases name this one (`class Club(BaseClub)`). */
  subclasses?: string[];
  /** Columns by attribute name, by the kind of value they hold (src/django/model-columns.ts). */
  columns?: Record<string, "scalar" | "json" | "custom">;
  /** By manager attribute, the project manager and QuerySet methods behind it (see ManagerChains). */
  chains?: Record<string, ManagerChains>;
}

/** A queryset property's chain root: `self.orders` (a related manager) or a model (`Order`). */
export interface QuerysetPropertyFacts {
  root: string;
  /** A values()/values_list() step: iterating yields dicts or tuples, not instances. */
  values?: true;
}

/**
 * The methods a manager attribute's project classes (`objects = PostQuerySet.as_manager()`,
 * `CommentManager()`, `Manager.from_queryset(TagQuerySet)()`) add to Django's.
 */
export interface ManagerChains {
  /** Methods callable on the manager that only build a queryset (`Post.objects.published()`). */
  manager: string[];
  /** Those callable on its querysets too (the QuerySet class's: `.filter(...).published()`). */
  queryset: string[];
  /** Every public method of those classes, by name: the class that defines it. */
  methods: Record<string, string>;
  /** Sync names whose `a<name>` the QuerySet class defines itself: Django's name would call it. */
  shadowed?: string[];
}
