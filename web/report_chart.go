package web

import (
	"math"
	"strconv"
	"strings"
)

// Charts are drawn on the server as inline SVG: geometry is worked out here
// into plain structs and the template only places the shapes, so pages need
// no JavaScript and no chart library, and a test can count bars and points.
// Every chart is paired on its page with a table of the same numbers.

// Chart dimensions in SVG user units; the SVG scales to its container.
const (
	chartWidth  = 640.0
	chartHeight = 300.0
	chartLeft   = 72.0 // room for the y-axis title and labels
	chartRight  = 16.0
	chartTop    = 20.0
	chartBottom = 44.0 // room for the x-axis labels
)

// ChartLine is a straight line with an optional label at (LabelX, LabelY).
type ChartLine struct {
	X1, Y1, X2, Y2 float64
	LabelX, LabelY float64
	Label          string
}

// ChartText is a label placed at (X, Y); a vertical one is turned to read
// upwards about that point.
type ChartText struct {
	X, Y float64
	Text string
}

// axisTitles places the x-axis title under the tick labels and the y-axis
// title, turned, at the left edge.
func axisTitles(x, y string) (ChartText, ChartText) {
	return ChartText{X: round1(chartLeft + plotWidth/2), Y: chartHeight - 4, Text: x},
		ChartText{X: 16, Y: round1(chartTop + plotHeight/2), Text: y}
}

// ChartBar is one bar, its x-axis label and the value it shows.
type ChartBar struct {
	X, Y, W, H     float64
	LabelX, LabelY float64
	Label          string
	Value          int
	Class          string // an extra CSS class, e.g. for waits beyond 18 weeks
}

// BarChart is a vertical bar chart ready to draw.
type BarChart struct {
	Width, Height float64
	Bars          []ChartBar
	Grid          []ChartLine // horizontal gridlines, labelled with their value
	Axis          ChartLine   // the x axis
	Marker        *ChartLine  // a vertical line across the plot, nil for none
	XTitle        ChartText
	YTitle        ChartText
}

// ChartPoint is one point of a line chart; a Missing point has no value
// and breaks the line.
type ChartPoint struct {
	X, Y           float64
	LabelX, LabelY float64
	Label          string
	Value          string
	Missing        bool
}

// LineChart is a line chart ready to draw.
type LineChart struct {
	Width, Height float64
	Path          string // the SVG path through the points
	Points        []ChartPoint
	Grid          []ChartLine
	Axis          ChartLine
	Reference     ChartLine // a horizontal target line
	XTitle        ChartText
	YTitle        ChartText
}

// barValue is one bar's data.
type barValue struct {
	Label string
	Value int
	Class string
}

// lineValue is one point's data; Missing when there is no value.
type lineValue struct {
	Label   string
	Value   float64
	Display string
	Missing bool
}

// plotBottom and plotHeight are the plot area's baseline and height.
const (
	plotBottom = chartHeight - chartBottom
	plotHeight = plotBottom - chartTop
	plotWidth  = chartWidth - chartLeft - chartRight
)

// round1 rounds to one decimal place, to keep the SVG short.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// yFor is the y coordinate of value v on a scale from 0 to top.
func yFor(v, top float64) float64 {
	if top <= 0 {
		return plotBottom
	}
	return round1(plotBottom - v/top*plotHeight)
}

// newBarChart lays out bars side by side in equal slots, on a y scale from
// 0 to a round number above the largest value. markerAt, if not negative,
// is the x position of a vertical marker in slots from the left edge (4.5
// is half way through the fifth bar).
func newBarChart(values []barValue, markerAt float64, markerLabel, xTitle, yTitle string) BarChart {
	c := BarChart{Width: chartWidth, Height: chartHeight, Axis: axisLine()}
	c.XTitle, c.YTitle = axisTitles(xTitle, yTitle)
	largest := 0
	for _, v := range values {
		largest = max(largest, v.Value)
	}
	top, step := niceScale(largest)
	c.Grid = gridLines(top, step, strconv.Itoa)
	slot := plotWidth / float64(max(len(values), 1))
	for i, v := range values {
		x := chartLeft + float64(i)*slot
		y := yFor(float64(v.Value), float64(top))
		c.Bars = append(c.Bars, ChartBar{X: round1(x + slot*0.1), Y: y, W: round1(slot * 0.8), H: round1(plotBottom - y),
			LabelX: round1(x + slot/2), LabelY: plotBottom + 18, Label: v.Label, Value: v.Value, Class: v.Class})
	}
	if markerAt >= 0 {
		x := round1(chartLeft + markerAt*slot)
		c.Marker = &ChartLine{X1: x, Y1: chartTop - 14, X2: x, Y2: plotBottom, LabelX: x + 4, LabelY: chartTop - 6, Label: markerLabel}
	}
	return c
}

// newPercentLineChart draws percentages (0–100) at equal spacing, with a
// horizontal reference line at ref.
func newPercentLineChart(values []lineValue, ref float64, refLabel, xTitle, yTitle string) LineChart {
	c := LineChart{Width: chartWidth, Height: chartHeight, Axis: axisLine()}
	c.XTitle, c.YTitle = axisTitles(xTitle, yTitle)
	c.Grid = gridLines(100, 20, func(v int) string { return strconv.Itoa(v) + "%" })
	y := yFor(ref, 100)
	c.Reference = ChartLine{X1: chartLeft, Y1: y, X2: chartWidth - chartRight, Y2: y,
		LabelX: chartWidth - chartRight - 4, LabelY: y - 6, Label: refLabel}
	slot := plotWidth / float64(max(len(values), 1))
	var path strings.Builder
	move := true
	for i, v := range values {
		x := round1(chartLeft + (float64(i)+0.5)*slot)
		p := ChartPoint{X: x, Y: yFor(min(max(v.Value, 0), 100), 100), LabelX: x, LabelY: plotBottom + 18,
			Label: v.Label, Value: v.Display, Missing: v.Missing}
		c.Points = append(c.Points, p)
		if v.Missing {
			move = true
			continue
		}
		if move {
			path.WriteString("M")
		} else {
			path.WriteString(" L")
		}
		path.WriteString(formatCoord(p.X) + " " + formatCoord(p.Y))
		move = false
	}
	c.Path = path.String()
	return c
}

func formatCoord(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// axisLine is the x axis along the bottom of the plot.
func axisLine() ChartLine {
	return ChartLine{X1: chartLeft, Y1: plotBottom, X2: chartWidth - chartRight, Y2: plotBottom}
}

// gridLines are horizontal lines at every step from 0 to top, labelled on
// the left.
func gridLines(top, step int, label func(int) string) []ChartLine {
	var lines []ChartLine
	for v := 0; v <= top; v += step {
		y := yFor(float64(v), float64(top))
		lines = append(lines, ChartLine{X1: chartLeft, Y1: y, X2: chartWidth - chartRight, Y2: y,
			LabelX: chartLeft - 8, LabelY: y + 4, Label: label(v)})
	}
	return lines
}

// niceScale returns the top of a y axis at or above largest and the step
// between gridlines: a step of 1, 2 or 5 times a power of ten giving at
// most five intervals, so the labels are round numbers.
func niceScale(largest int) (top, step int) {
	if largest <= 0 {
		return 1, 1
	}
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			step = m * mag
			if (largest+step-1)/step <= 5 {
				return (largest + step - 1) / step * step, step
			}
		}
	}
}
