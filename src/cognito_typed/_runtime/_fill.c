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
 * (exact strings, numbers, booleans, datetimes, None) cannot be part of a reference cycle and is
 * untracked by the cyclic GC, as CPython untracks such tuples itself; ``init`` tracks it again.
 * (Only ``object.__setattr__`` on a frozen model, past its own refusal, could then make a cycle
 * the GC does not see: a leak, never a crash.)
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
    K_LAST = K_OTHER,
};

#define MAX_DEPTH 64

typedef struct {
    Py_ssize_t offset;
    PyObject *key;  /* str */
    PyObject *sub;  /* a Plan (K_STRUCT*), a callable (K_CALL), else NULL */
    int kind;
    int required;
} Entry;

typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    Py_ssize_t n;
    Entry *entries;
} Plan;

static PyTypeObject PlanType;

/* New reference, or NULL: with an exception set (a real error), or without (not the common case). */
static PyObject *fill(Plan *plan, PyObject *data, int depth);

/* What each item of a list (or value of a dict) becomes: fill (wire -> model) or model_to_wire. */
typedef PyObject *(*Each)(Plan *sub, PyObject *item, int depth);

/* [each(sub, x) for x in v] for an exact list v: NULL (an error set, or not: "not me") if any item's is. */
static PyObject *
list_of(Plan *sub, PyObject *v, int depth, Each each)
{
    Py_ssize_t n = PyList_GET_SIZE(v);
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        return NULL;
    }
    PyObject_GC_UnTrack(out); /* unseen (gc.get_objects) while it has empty items: code may run below */
    for (Py_ssize_t j = 0; j < n; j++) {
        if (j >= PyList_GET_SIZE(v)) { /* the list shrank under us (a key's __eq__ ran code) */
            Py_DECREF(out);
            return NULL;
        }
        PyObject *item = Py_NewRef(PyList_GET_ITEM(v, j));
        PyObject *made = each(sub, item, depth + 1);
        Py_DECREF(item);
        if (made == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, j, made);
    }
    PyObject_GC_Track(out);
    return out;
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

static PyObject *
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
    case K_STRUCTS:
        return PyList_CheckExact(v) ? list_of((Plan *)e->sub, v, depth, fill) : NULL;
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

/* A value that holds no reference to anything (an exact str, int, float, bool, datetime, or None): a
 * model holding only these cannot be part of a reference cycle, even if the value is mutable in place. */
static int
is_atom(PyObject *v)
{
    return v == Py_None || PyUnicode_CheckExact(v) || PyLong_CheckExact(v) || PyBool_Check(v) || PyFloat_CheckExact(v)
           || PyDateTime_CheckExact(v);
}

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
    int holds_tracked = 0;
    for (Py_ssize_t i = 0; i < plan->n; i++) {
        Entry *e = &plan->entries[i];
        PyObject *v = PyDict_GetItemWithError(data, e->key);
        PyObject *out;
        if (v == NULL && PyErr_Occurred()) {
            goto fail;
        }
        if (v == NULL || v == Py_None) {
            if (e->required) {
                goto fail;
            }
            out = Py_NewRef(Py_None);
        }
        else {
            Py_INCREF(v); /* kept alive while converted: a nested lookup may run a key's __eq__ */
            out = convert(e, v, depth);
            Py_DECREF(v);
            if (out == NULL) {
                goto fail;
            }
            if (!holds_tracked && !is_atom(out)) {
                holds_tracked = 1;
            }
        }
        PyObject **slot = (PyObject **)((char *)obj + e->offset);
        Py_XSETREF(*slot, out);
    }
    if (!holds_tracked) {
        PyObject_GC_UnTrack(obj);
    }
    return obj;
fail:
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
            made = PyList_CheckExact(v) ? PyList_GetSlice(v, 0, PY_SSIZE_T_MAX) : NULL;
            break;
        case K_MAP:
        case K_CALL: /* (ResponseMetadata's headers: a dict copied) */
            made = PyDict_CheckExact(v) ? PyDict_Copy(v) : NULL;
            break;
        case K_STRUCT:
            made = model_to_wire((Plan *)e->sub, v, depth + 1);
            break;
        case K_STRUCTS:
            made = PyList_CheckExact(v) ? list_of((Plan *)e->sub, v, depth, model_to_wire) : NULL;
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
    for (Py_ssize_t i = 0; i < self->n; i++) {
        PyObject **slot = (PyObject **)((char *)obj + self->entries[i].offset);
        Py_XSETREF(*slot, Py_NewRef(PyTuple_GET_ITEM(values, i)));
    }
    if (!PyObject_GC_IsTracked(obj)) { /* __init__ run again on a model built untracked: it may hold anything now */
        PyObject_GC_Track(obj);
    }
    Py_RETURN_NONE;
}

static PyMethodDef plan_methods[] = {
    {"to_wire", (PyCFunction)plan_to_wire, METH_O,
     "to_wire(obj): obj.to_wire() of an exact model, or None (then its Python to_wire)."},
    {"init", (PyCFunction)(void (*)(void))plan_init, METH_FASTCALL,
     "init(obj, values): sets obj's fields to values (a tuple in the table's order), as __init__ does."},
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
    Py_XDECREF(self->cls);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

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
    PyObject *out = fill(self, data, 0);
    if (out == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return out;
}

/* Plan(cls, entries): entries is a sequence of (slot name, wire key, kind, required, sub). */
static PyObject *
plan_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *cls, *table;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Plan(cls, entries) takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!O:Plan", &PyType_Type, &cls, &table)) {
        return NULL;
    }
    if (!PyType_HasFeature((PyTypeObject *)cls, Py_TPFLAGS_HEAPTYPE) || !PyType_IS_GC((PyTypeObject *)cls)) {
        PyErr_Format(PyExc_TypeError, "Plan: %R is no class statement's class", cls);
        return NULL;
    }
    PyObject *seq = PySequence_Fast(table, "Plan: entries must be a sequence");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Plan *self = (Plan *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(seq);
        return NULL;
    }
    self->cls = (PyTypeObject *)Py_NewRef(cls);
    self->entries = PyMem_Calloc(n ? n : 1, sizeof(Entry));
    if (self->entries == NULL) {
        Py_DECREF(seq);
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    PyObject *own = ((PyTypeObject *)cls)->tp_dict;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name, *key, *sub;
        int kind, required;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "UUipO:Plan entry", &name, &key, &kind, &required, &sub)) {
            goto error;
        }
        PyObject *descr = PyDict_GetItemWithError(own, name);
        if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "Plan: %R is no slot of %R itself", name, cls);
            }
            goto error;
        }
        PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
        if (PyDescr_TYPE(descr) != (PyTypeObject *)cls
            || member->offset + (Py_ssize_t)sizeof(PyObject *) > ((PyTypeObject *)cls)->tp_basicsize) {
            PyErr_Format(PyExc_TypeError, "Plan: %R is no slot of %R itself", name, cls);
            goto error;
        }
        if (member->type != T_OBJECT_EX || (member->flags & READONLY)) {
            PyErr_Format(PyExc_TypeError, "Plan: %R of %R is no writable object slot", name, cls);
            goto error;
        }
        if (kind < 0 || kind > K_LAST) {
            PyErr_Format(PyExc_ValueError, "Plan: unknown kind %d for %R", kind, name);
            goto error;
        }
        int wants_plan = kind == K_STRUCT || kind == K_STRUCTS || kind == K_STRUCT_MAP;
        if (wants_plan && !Py_IS_TYPE(sub, &PlanType)) {
            PyErr_Format(PyExc_TypeError, "Plan: %R needs the plan of what it holds", name);
            goto error;
        }
        if (kind == K_CALL && !PyCallable_Check(sub)) {
            PyErr_Format(PyExc_TypeError, "Plan: %R needs a callable", name);
            goto error;
        }
        Entry *e = &self->entries[i];
        e->offset = member->offset;
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
    .tp_doc = "Plan(cls, entries): builds a cls from a response dict, or returns None (see the module).",
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
    if (PyType_Ready(&PlanType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Plan", (PyObject *)&PlanType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
