package web

import (
	"testing"
)

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct{ largest, top, step int }{
		{0, 1, 1}, {1, 1, 1}, {5, 5, 1}, {6, 6, 2}, {10, 10, 2}, {11, 15, 5}, {37, 40, 10},
		{99, 100, 20}, {101, 150, 50}, {250216, 300000, 100000},
	} {
		if top, step := niceScale(tc.largest); top != tc.top || step != tc.step {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", tc.largest, top, step, tc.top, tc.step)
		}
	}
}

func TestNewBarChart(t *testing.T) {
	c := newBarChart([]barValue{{"0–4", 10, ""}, {"4–8", 40, ""}, {"8–12", 0, ""}, {"12+", 20, "late"}}, 2.5, "18 weeks", "Weeks waited", "Open pathways")
	if len(c.Bars) != 4 || len(c.Grid) != 5 || c.Grid[4].Label != "40" || c.Grid[0].Label != "0" {
		t.Fatalf("chart = %+v", c)
	}
	slot := plotWidth / 4
	tall, empty := c.Bars[1], c.Bars[2]
	// The largest value reaches the top of the scale; an empty bar has no height.
	if tall.Y != chartTop || tall.H != plotHeight || empty.H != 0 || empty.Y != plotBottom {
		t.Errorf("bar heights: tall %+v, empty %+v", tall, empty)
	}
	if c.Bars[0].H != round1(plotHeight/4) || c.Bars[3].Class != "late" || c.Bars[0].Label != "0–4" {
		t.Errorf("first bar %+v, last %+v", c.Bars[0], c.Bars[3])
	}
	// Bars fill 80% of their slot, centred, left to right.
	for i, b := range c.Bars {
		if b.W != round1(slot*0.8) || b.LabelX != round1(chartLeft+(float64(i)+0.5)*slot) || b.X+b.W > chartWidth-chartRight {
			t.Errorf("bar %d = %+v", i, b)
		}
	}
	if c.XTitle.Text != "Weeks waited" || c.YTitle.Text != "Open pathways" || c.XTitle.Y <= plotBottom+18 || c.YTitle.X >= chartLeft-40 {
		t.Errorf("axis titles %+v, %+v", c.XTitle, c.YTitle)
	}
	if m := c.Marker; m == nil || m.X1 != round1(chartLeft+2.5*slot) || m.X1 != m.X2 || m.Y2 != plotBottom || m.Label != "18 weeks" {
		t.Errorf("marker = %+v", m)
	}
	if c := newBarChart(nil, -1, "", "", ""); c.Marker != nil || len(c.Bars) != 0 {
		t.Errorf("empty chart = %+v", c)
	}
}

func TestNewPercentLineChart(t *testing.T) {
	c := newPercentLineChart([]lineValue{
		{Label: "Sep", Value: 100, Display: "100%"}, {Label: "Oct", Value: 50, Display: "50%"},
		{Label: "Nov", Missing: true}, {Label: "Dec", Value: 0, Display: "0%"},
	}, 92, "92% standard", "Month end", "% within 18 weeks")
	if len(c.Points) != 4 || len(c.Grid) != 6 || c.Grid[5].Label != "100%" {
		t.Fatalf("chart = %+v", c)
	}
	p := c.Points
	if p[0].Y != chartTop || p[1].Y != round1(chartTop+plotHeight/2) || p[3].Y != plotBottom || !p[2].Missing {
		t.Errorf("points = %+v", p)
	}
	// The line breaks at the missing month.
	want := "M" + formatCoord(p[0].X) + " " + formatCoord(p[0].Y) + " L" + formatCoord(p[1].X) + " " + formatCoord(p[1].Y) +
		"M" + formatCoord(p[3].X) + " " + formatCoord(p[3].Y)
	if c.Path != want {
		t.Errorf("path = %q, want %q", c.Path, want)
	}
	if r := c.Reference; r.Y1 != round1(plotBottom-0.92*plotHeight) || r.Y1 != r.Y2 || r.X1 != chartLeft || r.Label != "92% standard" {
		t.Errorf("reference = %+v", r)
	}
}
