package corpus

import (
	"fmt"
	"reflect"
	"testing"

	"coauthor/parse"
)

// fill sets every field reachable from v to a value that differs from
// the zero value, so that a field the encoding forgets shows in the
// round trip. Slices get two elements.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	default:
		panic("fill: " + v.Kind().String())
	}
}

// Every field of parse.Meta survives the corpus's encoding: a field added
// to Meta and not to meta.go fails here.
func TestMetaRoundTripEveryField(t *testing.T) {
	var m parse.Meta
	n := 0
	fill(reflect.ValueOf(&m).Elem(), &n)
	for i := range m.IDs {
		m.IDs[i].Kind = parse.IDKinds[i] // known kinds, as readers give them
	}
	m.IDs = append(m.IDs, parse.WorkID{Kind: "other", Value: "x"}) // and one the table lacks
	got := decodeMeta(appendMeta(nil, &m))
	if !reflect.DeepEqual(got, &m) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, &m)
	}
}
