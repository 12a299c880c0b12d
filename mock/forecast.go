package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ForecastService = (*ForecastService)(nil)

// ForecastService is a mock of elective.ForecastService.
type ForecastService struct {
	ForecastBreachesFn func(ctx context.Context, f elective.ForecastFilter) ([]*elective.BreachForecast, int, []elective.BreachWeek, error)
}

// ForecastBreaches calls ForecastBreachesFn.
func (s *ForecastService) ForecastBreaches(ctx context.Context, f elective.ForecastFilter) ([]*elective.BreachForecast, int, []elective.BreachWeek, error) {
	return s.ForecastBreachesFn(ctx, f)
}
