import { describe, expect, it } from "vitest";
import { userAssigningDecoratorsIn } from "../../src/project/user-assigning-decorators.js";

// orm-human-6 G9: which decorators replace request.user before the view runs, read from text.

describe("userAssigningDecoratorsIn", () => {
  it("finds a wrapper that sets request.user as one of its statements before calling the view", () => {
    const source = [
      "def jwt_required(func):",
      "    @wraps(func)",
      "    async def wrapper(",
      "        request, *args, **kwargs",
      "    ):",
      "        if not token:",
      "            return JsonResponse({}, status=401)",
      "        request.user = user  # no lazy object from here on",
      "        if iscoroutinefunction(func):",
      "            return await func(request, *args, **kwargs)",
      "        return func(request, *args, **kwargs)",
      "    return wrapper",
      "",
      "",
      "def other():",
      "    pass",
    ].join("\r\n");
    expect(userAssigningDecoratorsIn(source)).toEqual(["jwt_required"]);
  });

  it("leaves out an assignment under an if, after the call, or of a lazy value or None", () => {
    const wrapper = (body: string[]) =>
      ["def deco(view):", "    async def wrapper(request):", ...body, "    return wrapper"].join(
        "\n",
      );
    const cases = [
      [
        "        if token:",
        "            request.user = user",
        "        return await view(request)",
      ],
      [
        "        response = await view(request)",
        "        request.user = user",
        "        return response",
      ],
      [
        "        request.user = SimpleLazyObject(lambda: get_user(request))",
        "        return await view(request)",
      ],
      ["        request.user = None", "        return await view(request)"],
    ];
    for (const body of cases) expect(userAssigningDecoratorsIn(wrapper(body))).toBeUndefined();
  });

  it("reads a decorator declared with PEP 695 type parameters", () => {
    const source = [
      "def jwt_required[F: Callable[..., Any]](func: F) -> F:",
      "    async def wrapper(request, *args, **kwargs):",
      "        request.user = await load_user(request)",
      "        return await func(request, *args, **kwargs)",
      "    return wrapper",
    ].join("\n");
    expect(userAssigningDecoratorsIn(source)).toEqual(["jwt_required"]);
  });

  it("reads nothing in a file that assigns no .user", () => {
    expect(userAssigningDecoratorsIn("def deco(f):\n    return f\n")).toBeUndefined();
  });
});
