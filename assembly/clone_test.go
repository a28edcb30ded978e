package assembly

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestCloneEventSharesNothing: a clone of an event of every type, random
// or of the scripts, equals it and shares no slice, map or pointer with
// it; and every event type can be cloned, so that a restart decodes no
// event twice.
func TestCloneEventSharesNothing(t *testing.T) {
	var events []Event
	r := rand.New(rand.NewPCG(5, 6))
	for _, typ := range EventTypes() {
		if !clonable(eventTypes[typ]) {
			t.Errorf("%s cannot be cloned: a restart decodes it twice", typ)
		}
		for range 20 {
			v := reflect.New(eventTypes[typ]).Elem()
			fillRandom(r, v, 0)
			events = append(events, v.Interface().(Event))
		}
	}
	for _, f := range scriptFiles {
		events = append(events, replayScript(t, f, nil).events...)
	}
	for _, e := range events {
		c, ok := CloneEvent(e)
		if !ok {
			continue
		}
		if !reflect.DeepEqual(c, e) {
			t.Fatalf("%s: clone %#v differs from %#v", e.EventType(), c, e)
		}
		if where := shared(reflect.ValueOf(e), reflect.ValueOf(c), e.EventType()); where != "" {
			t.Fatalf("the clone shares %s", where)
		}
	}
}

// shared names the first slice, map or pointer of a and b (equal values
// of one type) that is one memory, or "".
func shared(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() > 0 && a.Index(0).Addr().UnsafePointer() == b.Index(0).Addr().UnsafePointer() {
			return path
		}
		for i := range a.Len() {
			if w := shared(a.Index(i), b.Index(i), path+"[i]"); w != "" {
				return w
			}
		}
	case reflect.Map:
		if !a.IsNil() && a.UnsafePointer() == b.UnsafePointer() {
			return path
		}
		for it := a.MapRange(); it.Next(); {
			if w := shared(it.Value(), b.MapIndex(it.Key()), path+"[k]"); w != "" {
				return w
			}
		}
	case reflect.Pointer:
		if !a.IsNil() {
			if a.UnsafePointer() == b.UnsafePointer() {
				return path
			}
			return shared(a.Elem(), b.Elem(), "*"+path)
		}
	case reflect.Array:
		for i := range a.Len() {
			if w := shared(a.Index(i), b.Index(i), path+"[i]"); w != "" {
				return w
			}
		}
	case reflect.Struct:
		if a.Type() == timeType {
			return ""
		}
		for i := range a.NumField() {
			if w := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); w != "" {
				return w
			}
		}
	}
	return ""
}
