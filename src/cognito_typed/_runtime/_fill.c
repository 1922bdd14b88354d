/* cognito_typed._runtime._fill: builds a generated model from a botocore response dict in C.
 *
 * Optional: the package works the same without it (the pure-Python ``from_wire`` of every model is
 * the reference, see ``cognito_typed._runtime.fill``). It does only the common case, a response as
 * botocore parses it, and says "not me" for anything else so that ``from_wire`` runs and raises its
 * located errors: a plan returns ``None`` (never a model) when a required member is missing or
 * null, a structure is no exact ``dict``, a list no exact ``list``, a timestamp no exact
 * ``datetime``, a member of a kind it does not build (blobs, documents, nested lists) is present,
 * or a conversion hook raised an ``Exception``.
 *
 * A plan is compiled once per model class from its ``_fill`` table: for each field the offset of
 * its slot (read from the class's own member descriptor), its wire key, its kind, whether it is
 * required, and the plan (or hook) of what it holds. Building allocates the instance with the
 * class's ``tp_alloc`` and stores each value in its slot, as ``object.__setattr__`` would, without
 * running ``__init__`` (``from_wire`` runs none either). An instance whose fields hold only atoms
 * (exact strings, numbers, booleans, datetimes, None), models built so and tuples of either (the
 * lists of a class only responses use) cannot be part of a reference cycle and is untracked by the
 * cyclic GC, as CPython untracks such tuples itself; ``init`` refuses to fill it again. So a page of users is
 * no work for the collector, however long (its passes over a page were what made the cost per
 * user grow with the page).
 * (Only ``object.__setattr__`` on a frozen model, past its own refusal, could then make a cycle
 * the GC does not see: a leak, never a crash.)
 *
 * A plan also gives ``validate()`` its quick yes (``accepts``, below): from the class's ``_checks``
 * table, compiled into Specs once, it says yes only where the generated Python ``_check`` would
 * find nothing, and "not sure" otherwise, so that ``_check`` runs and reports.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <datetime.h>

enum {
    K_PLAIN = 0,       /* stored as it is */
    K_TIMESTAMP = 1,   /* an exact datetime */
    K_LIST = 2,        /* a list of plain values: copied */
    K_MAP = 3,         /* a dict of plain values: copied */
    K_STRUCT = 4,      /* a structure: its plan */
    K_STRUCTS = 5,     /* a list of structures */
    K_STRUCT_MAP = 6,  /* a dict of structures */
    K_CALL = 7,        /* hook(value) */
    K_OTHER = 8,       /* not built here: present means "not me" */
    K_TUPLE = 9,       /* a list of plain values: a tuple (a class only responses use) */
    K_STRUCT_TUPLE = 10, /* a list of structures: a tuple (likewise) */
    K_LAST = K_STRUCT_TUPLE,
};

#define MAX_DEPTH 64

typedef struct {
    Py_ssize_t offset;
    PyObject *key;  /* str */
    PyObject *sub;  /* a Plan (K_STRUCT*), a callable (K_CALL), else NULL */
    int kind;
    int required;
} Entry;

/* One field's check (validate()): its slot, whether required, whether its values are secrets (``hide``), its Spec. */
typedef struct {
    Py_ssize_t offset;
    PyObject *spec;
    int required;
    int hide;
} Check;

typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    Py_ssize_t n;
    Entry *entries;
    Py_ssize_t nchecks; /* -1 until set_checks: then accepts() judges */
    Check *checks;
    Py_ssize_t pause_at; /* a response with a list of this many items is built with the cyclic GC paused; 0: never */
} Plan;

static PyTypeObject PlanType;

/* New reference, or NULL: with an exception set (a real error), or without (not the common case). */
static PyObject *fill(Plan *plan, PyObject *data, int depth);

/* What each item of a list (or value of a dict) becomes: fill (wire -> model) or model_to_wire. */
typedef PyObject *(*Each)(Plan *sub, PyObject *item, int depth);

/* A value that holds no reference to anything (an exact str, int, float, bool, datetime, or None): a
 * model holding only these cannot be part of a reference cycle, even if the value is mutable in place. */
static int
is_atom(PyObject *v)
{
    return v == Py_None || PyUnicode_CheckExact(v) || PyLong_CheckExact(v) || PyBool_Check(v) || PyFloat_CheckExact(v)
           || PyDateTime_CheckExact(v);
}

/* [each(sub, x) for x in v] for an exact list or tuple v, as a list, or as a tuple when ``frozen``:
 * NULL (an error set, or not: "not me") if any item's is. A tuple of models built untracked is
 * untracked too, as CPython untracks a tuple of atoms itself. */
static PyObject *
list_of(Plan *sub, PyObject *v, int depth, Each each, int frozen)
{
    int is_list = PyList_CheckExact(v);
    Py_ssize_t n = Py_SIZE(v);
    PyObject *out = frozen ? PyTuple_New(n) : PyList_New(n);
    if (out == NULL) {
        return NULL;
    }
    if (n == 0) {
        return out; /* (an empty tuple is CPython's one shared empty tuple, untracked already: left as it is) */
    }
    PyObject_GC_UnTrack(out); /* unseen (gc.get_objects) while it has empty items: code may run below */
    int holds_tracked = 0;
    for (Py_ssize_t j = 0; j < n; j++) {
        if (j >= Py_SIZE(v)) { /* the list shrank under us (a key's __eq__ ran code) */
            Py_DECREF(out);
            return NULL;
        }
        PyObject *item = Py_NewRef(is_list ? PyList_GET_ITEM(v, j) : PyTuple_GET_ITEM(v, j));
        PyObject *made = each(sub, item, depth + 1);
        Py_DECREF(item);
        if (made == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        if (frozen) {
            holds_tracked |= PyObject_GC_IsTracked(made); /* (made: a model a plan built) */
            PyTuple_SET_ITEM(out, j, made);
        }
        else {
            PyList_SET_ITEM(out, j, made);
        }
    }
    if (!frozen || holds_tracked) {
        PyObject_GC_Track(out);
    }
    return out;
}

/* tuple(v) for an exact list v of plain values, untracked if every item is an atom. */
static PyObject *
tuple_of(PyObject *v)
{
    PyObject *out = PyList_AsTuple(v);
    if (out == NULL || PyTuple_GET_SIZE(out) == 0) {
        return out;
    }
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(out); j++) {
        if (!is_atom(PyTuple_GET_ITEM(out, j))) {
            return out;
        }
    }
    PyObject_GC_UnTrack(out);
    return out;
}

/* list(v) for an exact list or tuple v: the wire's list of a model's list or tuple. */
static PyObject *
as_wire_list(PyObject *v)
{
    if (PyList_CheckExact(v)) {
        return PyList_GetSlice(v, 0, PY_SSIZE_T_MAX);
    }
    return PyTuple_CheckExact(v) ? PySequence_List(v) : NULL;
}

/* {k: each(sub, x) for k, x in v.items()} for an exact dict v, as list_of. */
static PyObject *
map_of(Plan *sub, PyObject *v, int depth, Each each)
{
    PyObject *pairs = PyDict_Items(v); /* a snapshot: code run by a lookup cannot disturb the walk */
    if (pairs == NULL) {
        return NULL;
    }
    PyObject *out = PyDict_New();
    if (out == NULL) {
        Py_DECREF(pairs);
        return NULL;
    }
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(pairs); j++) {
        PyObject *pair = PyList_GET_ITEM(pairs, j);
        PyObject *made = each(sub, PyTuple_GET_ITEM(pair, 1), depth + 1);
        if (made == NULL || PyDict_SetItem(out, PyTuple_GET_ITEM(pair, 0), made) < 0) {
            Py_XDECREF(made);
            Py_DECREF(out);
            Py_DECREF(pairs);
            return NULL;
        }
        Py_DECREF(made);
    }
    Py_DECREF(pairs);
    return out;
}

static inline Py_ALWAYS_INLINE PyObject * /* (inlined, as fill_slot) */
convert(Entry *e, PyObject *v, int depth)
{
    switch (e->kind) {
    case K_PLAIN:
        return Py_NewRef(v);
    case K_TIMESTAMP:
        return PyDateTime_CheckExact(v) ? Py_NewRef(v) : NULL;
    case K_LIST:
        return PyList_CheckExact(v) ? PyList_GetSlice(v, 0, PY_SSIZE_T_MAX) : NULL;
    case K_MAP:
        return PyDict_CheckExact(v) ? PyDict_Copy(v) : NULL;
    case K_STRUCT:
        return fill((Plan *)e->sub, v, depth + 1);
    case K_TUPLE:
        return PyList_CheckExact(v) ? tuple_of(v) : NULL;
    case K_STRUCTS:
    case K_STRUCT_TUPLE:
        return PyList_CheckExact(v) ? list_of((Plan *)e->sub, v, depth, fill, e->kind == K_STRUCT_TUPLE) : NULL;
    case K_STRUCT_MAP:
        return PyDict_CheckExact(v) ? map_of((Plan *)e->sub, v, depth, fill) : NULL;
    case K_CALL: {
        PyObject *out = PyObject_CallOneArg(e->sub, v);
        if (out == NULL && PyErr_ExceptionMatches(PyExc_Exception)) {
            PyErr_Clear(); /* from_wire runs and says what is wrong */
        }
        return out;
    }
    default:
        return NULL;
    }
}

/* Whether k, a key of the dict being built from, is e's wire key. botocore's parsers key a
 * structure's dict with the model's own member-name strings, the same objects on every response:
 * an equal exact str is adopted as the entry's key, so that the next response's key is the very
 * same object (one pointer comparison, no string comparison). Runs no code. */
static int
same_key(Entry *e, PyObject *k)
{
    if (k == e->key) {
        return 1;
    }
    if (!PyUnicode_CheckExact(k) || PyObject_Hash(k) != PyObject_Hash(e->key) || PyUnicode_Compare(k, e->key) != 0) {
        return 0;
    }
    Py_SETREF(e->key, Py_NewRef(k));
    return 1;
}

/* The value of e's key in data, a new reference; NULL if absent (or an error set). */
static PyObject *
lookup(Entry *e, PyObject *data)
{
    PyObject *key = Py_NewRef(e->key); /* (kept: a key's __eq__ may run code that adopts another key) */
    PyObject *v = PyDict_GetItemWithError(data, key);
    Py_XINCREF(v);
    Py_DECREF(key);
    return v;
}

/* Sets e's slot of obj from v (a new reference, stolen; NULL or None: absent). 1 when the value
 * set is no atom, 0 when it is, -1 for "not me" (or an error set). */
static inline Py_ALWAYS_INLINE int /* (inlined into fill, as gcc did before they grew: a call per member costs ~10% of a build) */
fill_slot(Entry *e, PyObject *obj, PyObject *v, int depth)
{
    PyObject *out;
    int tracked = 0;
    if (v == NULL || v == Py_None) {
        Py_XDECREF(v);
        if (e->required) {
            return -1;
        }
        out = Py_NewRef(Py_None);
    }
    else {
        out = convert(e, v, depth); /* (v kept alive while converted: a nested lookup may run code) */
        Py_DECREF(v);
        if (out == NULL) {
            return -1;
        }
        switch (e->kind) {
        case K_TIMESTAMP: /* (an exact datetime: an atom) */
            tracked = 0;
            break;
        case K_STRUCT: /* (a model or a tuple made here: untracked only if it can be in no cycle, see the top) */
        case K_TUPLE:
        case K_STRUCT_TUPLE:
            tracked = PyObject_GC_IsTracked(out);
            break;
        default:
            tracked = !is_atom(out);
        }
    }
    PyObject **slot = (PyObject **)((char *)obj + e->offset);
    Py_XSETREF(*slot, out);
    return tracked;
}

/* Builds plan's model from data, walking data's items beside the entries: botocore's parsers fill a
 * structure's dict in the model's member order, so each member present is usually the next item,
 * and a member that is not the next item is absent. That holds when every item was met so; when
 * some item was not (a key the generated model lacks, another order), the members taken as absent
 * are looked up after all. A required member is always looked up when it is not the next item. */
static PyObject *
fill(Plan *plan, PyObject *data, int depth)
{
    if (!PyDict_CheckExact(data) || depth > MAX_DEPTH) {
        return NULL;
    }
    PyTypeObject *cls = plan->cls;
    PyObject *obj = cls->tp_alloc(cls, 0);
    if (obj == NULL) {
        return NULL;
    }
    int holds_tracked = 0, skipped = 0, got;
    Py_ssize_t pos = 0;
    PyObject *k = NULL, *item = NULL; /* the next item, held: converting may run code that changes data */
    if (PyDict_Next(data, &pos, &k, &item)) {
        Py_INCREF(k);
        Py_INCREF(item);
    }
    for (Py_ssize_t i = 0; i < plan->n; i++) {
        Entry *e = &plan->entries[i];
        PyObject *v = NULL;
        if (k != NULL && same_key(e, k)) {
            v = item; /* (its reference handed on) */
            Py_CLEAR(k);
            item = NULL;
            if (PyDict_Next(data, &pos, &k, &item)) {
                Py_INCREF(k);
                Py_INCREF(item);
            }
        }
        else if (k != NULL) { /* not the next item: absent, if every item is met in order */
            if (e->required) {
                if ((v = lookup(e, data)) == NULL && PyErr_Occurred()) {
                    goto fail;
                }
            }
            else {
                skipped = 1;
            }
        }
        if ((got = fill_slot(e, obj, v, depth)) < 0) {
            goto fail;
        }
        holds_tracked |= got;
    }
    if (k != NULL && skipped) { /* an item was not met in order: the members skipped may be there */
        for (Py_ssize_t i = 0; i < plan->n; i++) {
            Entry *e = &plan->entries[i];
            if (e->required || *(PyObject **)((char *)obj + e->offset) != Py_None) {
                continue;
            }
            PyObject *v = lookup(e, data);
            if (v == NULL && PyErr_Occurred()) {
                goto fail;
            }
            if ((got = fill_slot(e, obj, v, depth)) < 0) {
                goto fail;
            }
            holds_tracked |= got;
        }
    }
    Py_XDECREF(k);
    Py_XDECREF(item);
    if (!holds_tracked) {
        PyObject_GC_UnTrack(obj);
    }
    return obj;
fail:
    Py_XDECREF(k);
    Py_XDECREF(item);
    Py_DECREF(obj);
    return NULL;
}

/* --- the other way, and the constructor ------------------------------------------------------ */

static PyObject *to_wire(Plan *plan, PyObject *obj, int depth);

/* item.to_wire() of one of sub's models (exactly sub's class), for list_of and map_of. */
static PyObject *
model_to_wire(Plan *sub, PyObject *item, int depth)
{
    return Py_IS_TYPE(item, sub->cls) ? to_wire(sub, item, depth) : NULL;
}

/* obj.to_wire() of an exact plan->cls whose fields hold what the model says (lists as lists, models
 * as the exact model classes): new reference, or NULL (an error set, or not: the Python to_wire). */
static PyObject *
to_wire(Plan *plan, PyObject *obj, int depth)
{
    if (depth > MAX_DEPTH) {
        return NULL;
    }
    PyObject *out = PyDict_New();
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < plan->n; i++) {
        Entry *e = &plan->entries[i];
        PyObject *v = *(PyObject **)((char *)obj + e->offset);
        PyObject *made;
        if (v == NULL) { /* a field never set (object.__new__): the Python to_wire says so */
            Py_DECREF(out);
            return NULL;
        }
        if (v == Py_None) {
            continue;
        }
        Py_INCREF(v); /* the slot's value kept alive while converted */
        switch (e->kind) {
        case K_PLAIN:
        case K_TIMESTAMP:
            made = Py_NewRef(v);
            break;
        case K_LIST:
        case K_TUPLE:
            made = as_wire_list(v);
            break;
        case K_MAP:
        case K_CALL: /* (ResponseMetadata's headers: a dict copied) */
            made = PyDict_CheckExact(v) ? PyDict_Copy(v) : NULL;
            break;
        case K_STRUCT:
            made = model_to_wire((Plan *)e->sub, v, depth + 1);
            break;
        case K_STRUCTS:
        case K_STRUCT_TUPLE:
            made = PyList_CheckExact(v) || PyTuple_CheckExact(v) ? list_of((Plan *)e->sub, v, depth, model_to_wire, 0) : NULL;
            break;
        case K_STRUCT_MAP:
            made = PyDict_CheckExact(v) ? map_of((Plan *)e->sub, v, depth, model_to_wire) : NULL;
            break;
        default:
            made = NULL;
        }
        Py_DECREF(v);
        if (made == NULL || PyDict_SetItem(out, e->key, made) < 0) {
            Py_XDECREF(made);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(made);
    }
    return out;
}

static PyObject *
plan_to_wire(Plan *self, PyObject *obj)
{
    if (!Py_IS_TYPE(obj, self->cls)) {
        Py_RETURN_NONE;
    }
    PyObject *out = to_wire(self, obj, 0);
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

/* dataclasses.FrozenInstanceError for a model a plan built untracked that code tries to fill again
 * (``__init__`` run again): it may be held by a tuple or a model that is untracked too, so that a
 * cycle made through what it would hold then would be one the GC never sees. A frozen model is
 * filled once; a new instance is always tracked and so always filled. */
static PyObject *
refuse_refill(PyObject *obj)
{
    PyObject *dataclasses = PyImport_ImportModule("dataclasses");
    if (dataclasses == NULL) {
        return NULL;
    }
    PyObject *frozen = PyObject_GetAttrString(dataclasses, "FrozenInstanceError");
    Py_DECREF(dataclasses);
    if (frozen == NULL) {
        return NULL;
    }
    PyErr_Format(frozen, "cannot initialise this %s again: it is frozen", Py_TYPE(obj)->tp_name);
    Py_DECREF(frozen);
    return NULL;
}

/* plan.init(obj, values): obj's fields set to values, in the table's order (what __init__ does). */
static PyObject *
plan_init(Plan *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "init(obj, values) takes two arguments");
        return NULL;
    }
    PyObject *obj = args[0], *values = args[1];
    if (!PyObject_TypeCheck(obj, self->cls)) {
        PyErr_Format(PyExc_TypeError, "init: %R is no %R", Py_TYPE(obj), self->cls);
        return NULL;
    }
    if (!PyTuple_CheckExact(values) || PyTuple_GET_SIZE(values) != self->n) {
        PyErr_Format(PyExc_TypeError, "init: needs a tuple of %zd values", self->n);
        return NULL;
    }
    if (!PyObject_GC_IsTracked(obj)) { /* __init__ run again on a model a plan built untracked */
        return refuse_refill(obj);
    }
    for (Py_ssize_t i = 0; i < self->n; i++) {
        PyObject **slot = (PyObject **)((char *)obj + self->entries[i].offset);
        Py_XSETREF(*slot, Py_NewRef(PyTuple_GET_ITEM(values, i)));
    }
    Py_RETURN_NONE;
}

/* --- validate()'s quick yes: a request that certainly keeps every rule of its model ----------- */

/* A Spec is one Kind of cognito_typed._runtime.validation as C can judge it (fill.spec makes them).
 * Judging says 1 ("keeps every rule the kind checks") or 0 ("not sure": the Python _check runs and
 * says what is wrong, or that nothing is); -1 is a real error. So a Spec may only say 1 where the
 * Python kind would find nothing, and may say 0 wherever it likes. */
enum {
    S_STR = 0,   /* an exact str: length; a pattern: an ASCII value by ``run`` if set, else in ``set`` (values
                  * seen to match), else ``matcher`` for secrets */
    S_ENUM,      /* an exact str in ``set`` */
    S_INT,       /* an exact int in ilo..ihi (the model's range within the Java type's) */
    S_BOOL,      /* a bool */
    S_TIMESTAMP, /* a datetime */
    S_LIST,      /* an exact list or tuple: length; each item by ``item`` */
    S_MAP,       /* an exact dict: size; exact str keys by ``item``, values by ``value`` (``set``: secret keys) */
    S_STRUCT,    /* an exact model of ``sub``'s class, by its checks */
    S_OTHER,     /* never sure (blobs, documents, what the Python kind alone judges) */
    S_LAST = S_OTHER,
};

static const char *const spec_tags[] = {"str", "enum", "int", "bool", "timestamp", "list", "map", "struct", "other"};

typedef struct {
    PyObject_HEAD
    int tag;
    int sensitive;
    Py_ssize_t lo, hi;   /* length or size bounds */
    long long ilo, ihi;  /* S_INT */
    PyObject *set;       /* a set or frozenset, or NULL */
    PyObject *matcher;   /* S_STR: callable or NULL */
    PyObject *sub;       /* S_STRUCT: a Plan */
    PyObject *item;      /* S_LIST, S_MAP (keys): a Spec */
    PyObject *value;     /* S_MAP: a Spec */
    int has_run;         /* S_STR: the pattern is one character class repeated, ``[...]+`` or ``[...]*``: */
    int run_min;         /* an ASCII value matches it exactly when it has at least run_min characters, */
    unsigned char run[16]; /* all in this set (bit c % 8 of byte c / 8 for the character c) */
} Spec;

static PyTypeObject SpecType;

static int accepts_model(Plan *plan, PyObject *obj, int hide, int depth);

/* Whether the borrowed v certainly keeps spec's rules (1), not sure (0), or an error (-1). */
static int
accepts_value(Spec *spec, PyObject *v, int hide, int depth)
{
    hide = hide || spec->sensitive;
    switch (spec->tag) {
    case S_STR: {
        if (!PyUnicode_CheckExact(v)) {
            return 0;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        if (n < spec->lo || n > spec->hi) {
            return 0;
        }
        if (spec->set == NULL) {
            return 1;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(v) < 0) {
            return -1;
        }
#endif
        if (spec->has_run && PyUnicode_IS_ASCII(v)) { /* the answer, for secrets too: nothing is kept */
            const Py_UCS1 *c = PyUnicode_1BYTE_DATA(v);
            Py_ssize_t j = 0;
            while (j < n && (spec->run[c[j] >> 3] >> (c[j] & 7)) & 1) {
                j++;
            }
            return j == n && n >= spec->run_min;
        }
        int found = PySet_Contains(spec->set, v);
        if (found != 0 || !hide || spec->matcher == NULL) {
            return found; /* a value that is no secret and not seen yet: the Python check matches and keeps it */
        }
        PyObject *m = PyObject_CallOneArg(spec->matcher, v); /* secrets are never kept: matched each time */
        if (m == NULL) {
            if (PyErr_ExceptionMatches(PyExc_Exception)) {
                PyErr_Clear();
                return 0;
            }
            return -1;
        }
        int truth = PyObject_IsTrue(m);
        Py_DECREF(m);
        if (truth < 0 && PyErr_ExceptionMatches(PyExc_Exception)) {
            PyErr_Clear();
            return 0;
        }
        return truth;
    }
    case S_ENUM:
        return PyUnicode_CheckExact(v) ? PySet_Contains(spec->set, v) : 0;
    case S_INT: {
        if (!PyLong_CheckExact(v)) {
            return 0;
        }
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
        if (x == -1 && PyErr_Occurred()) {
            return -1;
        }
        return !overflow && spec->ilo <= x && x <= spec->ihi;
    }
    case S_BOOL:
        return PyBool_Check(v);
    case S_TIMESTAMP:
        return PyDateTime_Check(v);
    case S_LIST: {
        if (!PyList_CheckExact(v) && !PyTuple_CheckExact(v)) {
            return 0;
        }
        /* A snapshot is judged, and a yes holds only if the list still holds it at the end: a secret's
         * matcher (Python code, or another thread meanwhile) may change the list. */
        PyObject *items = PySequence_Tuple(v);
        if (items == NULL) {
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(items);
        int ok = spec->lo <= n && n <= spec->hi;
        for (Py_ssize_t j = 0; ok > 0 && j < n; j++) {
            ok = accepts_value((Spec *)spec->item, PyTuple_GET_ITEM(items, j), hide, depth + 1);
        }
        if (ok > 0 && PyList_CheckExact(v)) {
            ok = PyList_GET_SIZE(v) == n;
            for (Py_ssize_t j = 0; ok && j < n; j++) {
                ok = PyList_GET_ITEM(v, j) == PyTuple_GET_ITEM(items, j);
            }
        }
        Py_DECREF(items);
        return ok;
    }
    case S_MAP: {
        if (!PyDict_CheckExact(v)) {
            return 0;
        }
        Py_ssize_t n = PyDict_GET_SIZE(v);
        if (n < spec->lo || n > spec->hi) {
            return 0;
        }
        PyObject *pairs = PyDict_Items(v); /* a snapshot, as map_of */
        if (pairs == NULL) {
            return -1;
        }
        int ok = 1;
        for (Py_ssize_t j = 0; ok > 0 && j < PyList_GET_SIZE(pairs); j++) {
            PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, j), 0);
            PyObject *x = PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, j), 1);
            if (!PyUnicode_CheckExact(key)) {
                ok = 0;
                break;
            }
            ok = accepts_value((Spec *)spec->item, key, hide, depth + 1);
            if (ok > 0) {
                int secret = spec->set != NULL ? PySet_Contains(spec->set, key) : 0;
                ok = secret < 0 ? -1 : accepts_value((Spec *)spec->value, x, hide || secret, depth + 1);
            }
        }
        Py_DECREF(pairs);
        return ok;
    }
    case S_STRUCT:
        return accepts_model((Plan *)spec->sub, v, hide, depth + 1);
    default:
        return 0;
    }
}

/* Whether obj, an exact model of plan's class, certainly keeps its model's checks (see accepts_value). */
static int
accepts_model(Plan *plan, PyObject *obj, int hide, int depth)
{
    if (plan->nchecks < 0 || !Py_IS_TYPE(obj, plan->cls) || depth > MAX_DEPTH) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < plan->nchecks; i++) {
        Check *c = &plan->checks[i];
        PyObject *v = *(PyObject **)((char *)obj + c->offset);
        if (v == NULL) { /* a field never set: the Python check says so */
            return 0;
        }
        if (v == Py_None) {
            if (c->required) {
                return 0;
            }
            continue;
        }
        Py_INCREF(v);
        int ok = accepts_value((Spec *)c->spec, v, hide || c->hide, depth);
        Py_DECREF(v);
        if (ok <= 0) {
            return ok;
        }
    }
    return 1;
}

static PyObject *
plan_accepts(Plan *self, PyObject *obj)
{
    int ok = accepts_model(self, obj, 0, 0);
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

/* The offset of cls's own writable object slot ``name``, or -1 with an exception set. */
static Py_ssize_t
slot_offset(PyTypeObject *cls, PyObject *name)
{
    PyObject *descr = PyDict_GetItemWithError(cls->tp_dict, name);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "Plan: %R is no slot of %R itself", name, cls);
        }
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (PyDescr_TYPE(descr) != cls || member->offset + (Py_ssize_t)sizeof(PyObject *) > cls->tp_basicsize) {
        PyErr_Format(PyExc_TypeError, "Plan: %R is no slot of %R itself", name, cls);
        return -1;
    }
    if (member->type != T_OBJECT_EX || (member->flags & READONLY)) {
        PyErr_Format(PyExc_TypeError, "Plan: %R of %R is no writable object slot", name, cls);
        return -1;
    }
    return member->offset;
}

/* plan.set_checks(checks): checks is a sequence of (slot name, required, hide, Spec). True when set; False
 * when they were set already (by another thread: never replaced, as accepts() may be reading them). */
static PyObject *
plan_set_checks(Plan *self, PyObject *table)
{
    if (self->nchecks >= 0) {
        Py_RETURN_FALSE;
    }
    PyObject *seq = PySequence_Tuple(table); /* ours: a conversion below may run code that changes table */
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    Check *checks = PyMem_Calloc(n ? n : 1, sizeof(Check));
    if (checks == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        PyObject *name, *spec;
        int required, hide;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(seq, i), "UppO!:check", &name, &required, &hide, &SpecType,
                              &spec)) {
            goto error;
        }
        Py_ssize_t offset = slot_offset(self->cls, name);
        if (offset < 0) {
            goto error;
        }
        checks[i] = (Check){offset, Py_NewRef(spec), required, hide};
    }
    Py_DECREF(seq);
    if (self->nchecks >= 0) { /* set meanwhile, by code a conversion above ran (a __bool__) */
        while (n-- > 0) {
            Py_DECREF(checks[n].spec);
        }
        PyMem_Free(checks);
        Py_RETURN_FALSE;
    }
    self->checks = checks;
    self->nchecks = n;
    Py_RETURN_TRUE;
error:
    while (i-- > 0) {
        Py_DECREF(checks[i].spec);
    }
    PyMem_Free(checks);
    Py_DECREF(seq);
    return NULL;
}

/* Spec(tag, sensitive, lo, hi, set, matcher, sub, item, value): see the enum above; None for what the tag does not use. */
static PyObject *
spec_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    const char *tag;
    int sensitive;
    PyObject *lo, *hi, *set, *matcher, *sub, *item, *value, *run = Py_None;
    int run_min = 0;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Spec takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(
            args, "spOOOOOOO|Oi:Spec", &tag, &sensitive, &lo, &hi, &set, &matcher, &sub, &item, &value, &run, &run_min
        )) {
        return NULL;
    }
    int t = 0;
    while (t <= S_LAST && strcmp(spec_tags[t], tag) != 0) {
        t++;
    }
    if (t > S_LAST) {
        PyErr_Format(PyExc_ValueError, "Spec: unknown tag %s", tag);
        return NULL;
    }
    int wants_set = t == S_ENUM, may_set = t == S_STR || t == S_MAP || t == S_ENUM;
    int wants_item = t == S_LIST || t == S_MAP;
    if ((wants_set && set == Py_None) || (!may_set && set != Py_None)
        || (set != Py_None && !PySet_Check(set) && !PyFrozenSet_Check(set))) {
        PyErr_Format(PyExc_TypeError, "Spec %s: set must be %s", tag, may_set ? "a set or frozenset" : "None");
        return NULL;
    }
    if (matcher != Py_None && (t != S_STR || set == Py_None || !PyCallable_Check(matcher))) {
        PyErr_SetString(PyExc_TypeError, "Spec: a matcher is a str kind's callable, beside its set");
        return NULL;
    }
    if (run != Py_None && (t != S_STR || set == Py_None || !PyBytes_CheckExact(run) || PyBytes_GET_SIZE(run) != 16)) {
        PyErr_SetString(PyExc_TypeError, "Spec: a run is a str kind's 16 bytes (the ASCII set), beside its set");
        return NULL;
    }
    if ((t == S_STRUCT) != (sub != Py_None) || (sub != Py_None && !Py_IS_TYPE(sub, &PlanType))) {
        PyErr_SetString(PyExc_TypeError, "Spec: sub is the Plan of a struct kind (only)");
        return NULL;
    }
    if (wants_item != (item != Py_None) || (item != Py_None && !Py_IS_TYPE(item, &SpecType))
        || (t == S_MAP) != (value != Py_None) || (value != Py_None && !Py_IS_TYPE(value, &SpecType))) {
        PyErr_SetString(PyExc_TypeError, "Spec: item (list, map) and value (map) are the Specs of what they hold");
        return NULL;
    }
    long long bounds[2] = {0, PY_SSIZE_T_MAX};
    if (t == S_INT) {
        bounds[0] = LLONG_MIN;
        bounds[1] = LLONG_MAX;
    }
    PyObject *given[2] = {lo, hi};
    for (int j = 0; j < 2; j++) {
        if (given[j] != Py_None) {
            bounds[j] = PyLong_AsLongLong(given[j]);
            if (bounds[j] == -1 && PyErr_Occurred()) {
                return NULL;
            }
        }
    }
    Spec *self = (Spec *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->tag = t;
    self->sensitive = sensitive;
    self->ilo = bounds[0];
    self->ihi = bounds[1];
    self->lo = t == S_INT ? 0 : (Py_ssize_t)Py_MAX(bounds[0], 0);
    self->hi = t == S_INT ? 0 : (Py_ssize_t)Py_MIN(bounds[1], PY_SSIZE_T_MAX);
    self->set = set == Py_None ? NULL : Py_NewRef(set);
    self->matcher = matcher == Py_None ? NULL : Py_NewRef(matcher);
    self->sub = sub == Py_None ? NULL : Py_NewRef(sub);
    self->item = item == Py_None ? NULL : Py_NewRef(item);
    self->value = value == Py_None ? NULL : Py_NewRef(value);
    if (run != Py_None) {
        self->has_run = 1;
        self->run_min = run_min;
        memcpy(self->run, PyBytes_AS_STRING(run), 16);
    }
    return (PyObject *)self;
}

static void
spec_dealloc(Spec *self)
{
    Py_XDECREF(self->set);
    Py_XDECREF(self->matcher);
    Py_XDECREF(self->sub);
    Py_XDECREF(self->item);
    Py_XDECREF(self->value);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject SpecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cognito_typed._runtime._fill.Spec",
    .tp_basicsize = sizeof(Spec),
    .tp_dealloc = (destructor)spec_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Spec(tag, sensitive, lo, hi, set, matcher, sub, item, value[, run, run_min]): one kind, as a plan's accepts() judges it.",
    .tp_new = spec_new,
};

static PyMethodDef plan_methods[] = {
    {"to_wire", (PyCFunction)plan_to_wire, METH_O,
     "to_wire(obj): obj.to_wire() of an exact model, or None (then its Python to_wire)."},
    {"init", (PyCFunction)(void (*)(void))plan_init, METH_FASTCALL,
     "init(obj, values): sets obj's fields to values (a tuple in the table's order), as __init__ does."},
    {"accepts", (PyCFunction)plan_accepts, METH_O,
     "accepts(obj): True if obj (an exact model) certainly keeps its model's checks; False: not sure."},
    {"set_checks", (PyCFunction)plan_set_checks, METH_O,
     "set_checks(checks): the fields' checks, (slot name, required, hide, Spec) each, for accepts(); False if set already."},
    {NULL},
};

/* --- the Plan type ------------------------------------------------------------------------- */

static void
plan_dealloc(Plan *self)
{
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Py_XDECREF(self->entries[i].key);
        Py_XDECREF(self->entries[i].sub);
    }
    PyMem_Free(self->entries);
    for (Py_ssize_t i = 0; i < self->nchecks; i++) {
        Py_XDECREF(self->checks[i].spec);
    }
    PyMem_Free(self->checks);
    Py_XDECREF(self->cls);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Whether data, a response dict, has a list of at least n items among its own values. Runs no code. */
static int
holds_large_list(PyObject *data, Py_ssize_t n)
{
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    if (!PyDict_CheckExact(data)) {
        return 0;
    }
    while (PyDict_Next(data, &pos, &k, &v)) {
        if (PyList_CheckExact(v) && PyList_GET_SIZE(v) >= n) {
            return 1;
        }
    }
    return 0;
}

/* plan(data): the model, or None ("not me"). A response with a list of pause_at items or more is built
 * with the cyclic collector paused, and the collector resumed after only if it was running (why:
 * base.build's docstring). */
static PyObject *
plan_call(Plan *self, PyObject *args, PyObject *kwargs)
{
    PyObject *data;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "a plan takes one positional argument");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "plan", 1, 1, &data)) {
        return NULL;
    }
    int paused = self->pause_at > 0 && PyGC_IsEnabled() && holds_large_list(data, self->pause_at);
    if (paused) {
        PyGC_Disable();
    }
    PyObject *out = fill(self, data, 0);
    if (paused) {
        PyGC_Enable();
    }
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

/* Plan(cls, entries[, pause_at]): entries is a sequence of (slot name, wire key, kind, required, sub);
 * pause_at (0: never) the size of a list in a response that has plan(data) pause the cyclic collector. */
static PyObject *
plan_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *cls, *table;
    Py_ssize_t pause_at = 0;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Plan(cls, entries[, pause_at]) takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!O|n:Plan", &PyType_Type, &cls, &table, &pause_at)) {
        return NULL;
    }
    if (pause_at < 0) {
        PyErr_SetString(PyExc_ValueError, "Plan: pause_at must be >= 0");
        return NULL;
    }
    if (!PyType_HasFeature((PyTypeObject *)cls, Py_TPFLAGS_HEAPTYPE) || !PyType_IS_GC((PyTypeObject *)cls)) {
        PyErr_Format(PyExc_TypeError, "Plan: %R is no class statement's class", cls);
        return NULL;
    }
    PyObject *seq = PySequence_Tuple(table); /* ours: a conversion below may run code that changes table */
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    Plan *self = (Plan *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    self->cls = (PyTypeObject *)Py_NewRef(cls);
    self->nchecks = -1;
    self->pause_at = pause_at;
    self->entries = PyMem_Calloc(n ? n : 1, sizeof(Entry));
    if (self->entries == NULL) {
        Py_DECREF(seq);
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name, *key, *sub;
        int kind, required;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(seq, i), "UUipO:Plan entry", &name, &key, &kind, &required, &sub)) {
            goto error;
        }
        Py_ssize_t offset = slot_offset((PyTypeObject *)cls, name);
        if (offset < 0) {
            goto error;
        }
        if (kind < 0 || kind > K_LAST) {
            PyErr_Format(PyExc_ValueError, "Plan: unknown kind %d for %R", kind, name);
            goto error;
        }
        int wants_plan = kind == K_STRUCT || kind == K_STRUCTS || kind == K_STRUCT_MAP || kind == K_STRUCT_TUPLE;
        if (wants_plan && !Py_IS_TYPE(sub, &PlanType)) {
            PyErr_Format(PyExc_TypeError, "Plan: %R needs the plan of what it holds", name);
            goto error;
        }
        if (kind == K_CALL && !PyCallable_Check(sub)) {
            PyErr_Format(PyExc_TypeError, "Plan: %R needs a callable", name);
            goto error;
        }
        Entry *e = &self->entries[i];
        e->offset = offset;
        e->key = Py_NewRef(key);
        e->sub = wants_plan || kind == K_CALL ? Py_NewRef(sub) : NULL;
        e->kind = kind;
        e->required = required;
        self->n = i + 1;
    }
    Py_DECREF(seq);
    return (PyObject *)self;
error:
    Py_DECREF(seq);
    Py_DECREF(self);
    return NULL;
}

static PyObject *
plan_get_cls(Plan *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(self->cls);
}

static PyGetSetDef plan_getset[] = {
    {"cls", (getter)plan_get_cls, NULL, "The model class the plan builds.", NULL},
    {NULL},
};

static PyTypeObject PlanType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cognito_typed._runtime._fill.Plan",
    .tp_basicsize = sizeof(Plan),
    .tp_dealloc = (destructor)plan_dealloc,
    .tp_call = (ternaryfunc)plan_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Plan(cls, entries[, pause_at]): builds a cls from a response dict, or returns None (see the module).",
    .tp_new = plan_new,
    .tp_getset = plan_getset,
    .tp_methods = plan_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cognito_typed._runtime._fill",
    .m_doc = "Builds generated models from botocore response dicts (optional; see cognito_typed._runtime.fill).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__fill(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    if (PyType_Ready(&PlanType) < 0 || PyType_Ready(&SpecType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Plan", (PyObject *)&PlanType) < 0
        || PyModule_AddObjectRef(m, "Spec", (PyObject *)&SpecType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
