// Package pkg has fuzz targets and look-alikes for fuzzrun's tests.
package pkg
