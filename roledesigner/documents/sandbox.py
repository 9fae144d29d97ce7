"""The Jinja environment a Word template is filled in: an allow-list of what it may touch, and bounds.

House templates come from shared drives, so a template is data, never code. What it sees is
plain data (dicts, lists, text, numbers: `word.template_context`), and this environment lets it
read that data and nothing else:

- attributes: a field of a mapping (`spec.title`) or one of the `loop` counters; any other
  attribute (`.tpl`, `.__class__`, a method of a text) stops the render;
- calls: `range` (at most `MAX_RANGE` numbers) and the template's own macros, nothing else
  (no `cycler`, `joiner`, `namespace`, `lipsum`, `dict` or `self`);
- filters: a short list whose result is at most a bounded multiple of their input (`FILTERS`);
- no other template: `include`, `import` and `extends` stop the render;
- printing: text and numbers only, never an object.

And it bounds the work: every loop turn, look-up, call, operator and filter is a step, every
character written (also into `{% set %}` blocks and macros) counts towards the output, and no
one operation may make a text or list longer than `Limits.value`. A template that goes past any
bound (a loop for ever, `'x' * 10**9`, nested loops over `range`) stops with `TemplateRefused`,
whose message is one plain phrase. All of this runs in this process without threads: the
checks are made by the template's own compiled code, through the hooks below.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from types import CodeType
from typing import Any, NoReturn

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

#: The filters a template may use; each returns at most a bounded multiple of what it is given.
#: Left out on purpose: those whose output grows with an argument (center, indent, wordwrap,
#: format, replace, batch, slice, sum), those that expose objects (attr, pprint, tojson,
#: xmlattr), `safe` (design text must stay escaped) and `random`.
FILTERS = frozenset(
    {
        "abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
        "forceescape", "groupby", "int", "items", "join", "last", "length", "list", "lower", "map",
        "max", "min", "reject", "rejectattr", "reverse", "round", "select", "selectattr", "sort",
        "string", "striptags", "title", "trim", "truncate", "unique", "upper", "wordcount",
    }
)  # fmt: skip
#: The loop counters a template may read (`loop.index`...); `loop.cycle` and `loop.changed` are calls.
LOOP_FIELDS = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0", "previtem", "nextitem"}
)
#: The largest whole number an operator may make, in bits (about 1,200 digits).
MAX_NUMBER_BITS = 4096
_CLOCK_EVERY = 1024  # steps between looks at the clock


class TemplateRefused(jinja2.exceptions.SecurityError):
    """The template tried something a template may not do; str() is a plain phrase saying what."""


@dataclass(frozen=True)
class Limits:
    """How much one fill of a template may do; see `limits_for`."""

    steps: int
    output: int
    value: int
    seconds: float


def limits_for(items: int, characters: int) -> Limits:
    """Bounds that grow with the data, so the largest design fills in and a runaway template stops soon.

    `items` is the number of list entries and `characters` the length of the text in what the
    template is given. The default template takes about 4 steps and 150 characters of Word
    XML per item (113,000 responsibilities: 453,000 steps, 17 million characters); these
    bounds leave a house template more than ten times that. The clock is a last resort for
    single operations that are slow on large values.
    """
    return Limits(
        steps=1_000_000 + 50 * items,
        output=20_000_000 + 2_000 * items + 10 * characters,
        value=1_000_000 + 2 * characters,
        seconds=30.0,
    )


def _refuse(reason: str) -> NoReturn:
    raise TemplateRefused(reason)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


def _printable(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | Undefined)


class _Buffer(list[str]):
    """Where a `{% set %}` block, a macro or a filter block collects its text: every piece is counted."""

    def __init__(self, spend: Callable[[int], None]) -> None:
        super().__init__()
        self._spend = spend

    def append(self, item: str) -> None:
        self._spend(len(item))
        super().append(item)

    def extend(self, items: Iterable[str]) -> None:
        for item in items:
            self.append(item)


class _Generator(CodeGenerator):
    """Compiles templates so that every loop, every `~` and every buffer goes through the bounds."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.counted_buffer()")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        paced = nodes.Call(nodes.EnvironmentAttribute("paced"), [node.iter], [], None, None, lineno=node.lineno)
        node.iter = paced
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class _Template(jinja2.Template):
    """A compiled template whose top-level output is counted as it is made, not after."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment = self.environment
        assert isinstance(environment, TemplateEnvironment)
        context = self.new_context(dict(*args, **kwargs))
        try:
            return environment.concat(environment.counted(self.root_render_func(context)))
        except Exception:  # noqa: BLE001 - as Jinja's own render: its handler re-raises with the template's lines
            environment.handle_exception()


class TemplateEnvironment(SandboxedEnvironment):
    """A sandbox that allows only what a job specification template needs, within `Limits`."""

    code_generator_class = _Generator
    template_class = _Template
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits) -> None:
        super().__init__(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=self._finalize,
            optimized=False,  # nothing is worked out while compiling, outside the bounds
            auto_reload=False,
            cache_size=0,
        )
        self.limits = limits
        self._steps = 0
        self._output = 0
        self._deadline = time.monotonic() + limits.seconds
        self.globals.clear()
        self.globals["range"] = self.bounded_range
        self.filters = {name: self._bounded_filter(self.filters[name]) for name in sorted(FILTERS)}
        self.filters["join"] = self._bounded_filter(self._join)

    # --- the bounds ------------------------------------------------------------------------

    def step(self) -> None:
        self._steps += 1
        if self._steps > self.limits.steps:
            _refuse(f"it takes more than {self.limits.steps:,} steps (a loop that does not end, or loops inside loops)")
        if self._steps % _CLOCK_EVERY == 0 and time.monotonic() > self._deadline:
            _refuse(f"it takes longer than {self.limits.seconds:g} seconds to fill in")

    def spend(self, characters: int) -> None:
        self.step()
        self._output += characters
        if self._output > self.limits.output:
            _refuse(f"it writes more than {self.limits.output:,} characters")

    def _check_value(self, length: int) -> None:
        if length > self.limits.value:
            _refuse(f"it makes a text or a list longer than {self.limits.value:,} (characters or items)")

    def counted(self, pieces: Iterable[str]) -> Iterator[str]:
        for piece in pieces:
            self.spend(len(piece))
            yield piece

    def counted_buffer(self) -> list[str]:
        return _Buffer(self.spend)

    def paced(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """What a `{% for %}` loop goes over: one step per turn."""
        for item in iterable:
            self.step()
            yield item

    def bounded_range(self, *args: int) -> range:
        self.step()
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            _refuse(f"it asks range() for more than {MAX_RANGE:,} numbers")
        return numbers

    def bounded_concat(self, join: Callable[[Iterable[Any]], str], values: tuple[Any, ...]) -> str:
        """`a ~ b`: only text and numbers, and never longer than `Limits.value`."""
        self.step()
        if not all(_printable(value) for value in values):
            _refuse("it joins something that is not text with '~'")
        self._check_value(sum(len(value) for value in values if isinstance(value, str)))
        return join(values)

    @jinja2.pass_eval_context
    def _join(self, eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
        """`join`, measured before it is made: the separator counts once between every two items."""
        items = list(value)
        self._check_value(sum(len(str(item)) for item in items) + len(str(d)) * max(len(items) - 1, 0))
        result: str = jinja2.filters.do_join(eval_ctx, items, d, attribute)
        return result

    def _bounded_filter(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.step()
            result = function(*args, **kwargs)
            self._check_value(_size(result))
            return result

        passes = getattr(function, "jinja_pass_arg", None)  # what Jinja hands the filter first
        if passes is not None:
            bounded.jinja_pass_arg = passes  # type: ignore[attr-defined]
        return bounded

    def _finalize(self, value: Any) -> Any:
        """Every printed value: text and numbers only, so no object's own text reaches the document."""
        if not _printable(value):
            _refuse(f"it prints {_kind(value)}, not text")
        return value

    # --- the allow-list --------------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, LoopContext) and attr in LOOP_FIELDS

    def is_safe_callable(self, obj: Any) -> bool:
        return obj in (self.bounded_range, self.paced) or isinstance(obj, Macro)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.step()
        if not attribute.startswith("_"):
            if isinstance(obj, Mapping):
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            if isinstance(obj, Undefined):
                return getattr(obj, attribute)  # a strict undefined says which field is missing
            if self.is_safe_attribute(obj, attribute, None):
                return getattr(obj, attribute)
        _refuse(f"it reads '{attribute}' of {_kind(obj)}, and a template may read only the job specification's fields")

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.step()
        if isinstance(obj, Mapping):
            try:
                return obj[argument]
            except (KeyError, TypeError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, str | list | tuple | range) and isinstance(argument, int | slice):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=str(argument))
        if isinstance(obj, Undefined):
            return obj[argument]
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        _refuse(f"it looks up an item of {_kind(obj)}")

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        _refuse(f"it reads '{attribute}' of {_kind(obj)}, and a template may read only the job specification's fields")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.step()
        if not __self.is_safe_callable(__obj):
            _refuse(f"it calls {_kind(__obj)}, and a template may call only range() and its own macros")
        return __context.call(__obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.step()
        if operator == "%" and isinstance(left, str):
            _refuse("it formats text with '%'")
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(times, int):
                    self._check_value(len(sequence) * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                self._check_bits(left.bit_length() + right.bit_length())
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            self._check_bits(max(left.bit_length(), 1) * right)
        if operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            self._check_value(len(left) + len(right))
        return self.binop_table[operator](left, right)

    def _check_bits(self, bits: int) -> None:
        if bits > MAX_NUMBER_BITS:
            _refuse("it makes a number too large to print")

    # --- no other templates ----------------------------------------------------------------

    def _no_other_template(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse("it includes, imports or extends another template, which a Word template cannot do")

    get_template = _no_other_template
    select_template = _no_other_template
    get_or_select_template = _no_other_template

    # --- compiling once ----------------------------------------------------------------------

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        """The template, compiled once per text: a Word file is rendered part by part, the changes
        document renders two versions, and compiling was over half the time of each render. The
        compiled code holds no bounds (they are this environment's, looked up as it runs), so
        sharing it between environments shares no state."""
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with _COMPILED_LOCK:
            code = _COMPILED.get(source)
            if code is not None:
                _COMPILED.move_to_end(source)
        if code is None:
            code = self.compile(source)
            with _COMPILED_LOCK:
                _COMPILED[source] = code
                while len(_COMPILED) > COMPILED_KEPT:
                    _COMPILED.popitem(last=False)
        return (template_class or self.template_class).from_code(self, code, self.make_globals(globals))


#: How many compiled template texts are kept (a template has a handful of parts: body, headers, footers).
COMPILED_KEPT = 32
_COMPILED: OrderedDict[str, CodeType] = OrderedDict()
_COMPILED_LOCK = threading.Lock()


def _kind(value: Any) -> str:
    """What a value is, in words a template's author knows."""
    if isinstance(value, str):
        return "a text"
    if isinstance(value, Mapping):
        return "a group of fields"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, LoopContext):
        return "the loop"
    if isinstance(value, Macro):
        return "a macro"
    if callable(value):
        return f"'{getattr(value, '__name__', 'a function')}'"
    return f"an object ({type(value).__name__})"


__all__ = ["FILTERS", "MAX_RANGE", "Limits", "TemplateEnvironment", "TemplateRefused", "limits_for"]
