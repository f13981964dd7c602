package main

import (
	"fmt"
	"strconv"
	"strings"
)

// floorFlag holds the -floor values: one for every target, and others
// for targets by name.
type floorFlag struct {
	all    float64
	byName map[string]float64
}

func (f *floorFlag) String() string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(f.all, 'f', -1, 64)
}

func (f *floorFlag) Set(s string) error {
	name, value, named := strings.Cut(s, "=")
	if !named {
		value = name
	}
	n, err := strconv.ParseFloat(value, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%q is not a positive number of executions per second", value)
	}
	if !named {
		f.all = n
		return nil
	}
	if !strings.HasPrefix(name, "Fuzz") {
		return fmt.Errorf("%q is not a fuzz target's name", name)
	}
	if f.byName == nil {
		f.byName = make(map[string]float64)
	}
	f.byName[name] = n
	return nil
}

func (f *floorFlag) of(target string) float64 {
	if n, ok := f.byName[target]; ok {
		return n
	}
	return f.all
}
