package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.RoomService = (*RoomService)(nil)

// RoomService is a mock of elective.RoomService.
type RoomService struct {
	CreateRoomFn        func(ctx context.Context, r *elective.Room) error
	FindRoomsFn         func(ctx context.Context) ([]*elective.Room, error)
	BookRoomFn          func(ctx context.Context, b *elective.RoomBooking) error
	CancelRoomBookingFn func(ctx context.Context, id int64) (*elective.RoomBooking, error)
	FindRoomDayFn       func(ctx context.Context, roomID int64, d elective.Date) (*elective.RoomDay, error)
	FindRoomDaysFn      func(ctx context.Context, d elective.Date) ([]*elective.RoomDay, error)
}

// CreateRoom calls CreateRoomFn.
func (s *RoomService) CreateRoom(ctx context.Context, r *elective.Room) error {
	return s.CreateRoomFn(ctx, r)
}

// FindRooms calls FindRoomsFn.
func (s *RoomService) FindRooms(ctx context.Context) ([]*elective.Room, error) {
	return s.FindRoomsFn(ctx)
}

// BookRoom calls BookRoomFn.
func (s *RoomService) BookRoom(ctx context.Context, b *elective.RoomBooking) error {
	return s.BookRoomFn(ctx, b)
}

// CancelRoomBooking calls CancelRoomBookingFn.
func (s *RoomService) CancelRoomBooking(ctx context.Context, id int64) (*elective.RoomBooking, error) {
	return s.CancelRoomBookingFn(ctx, id)
}

// FindRoomDay calls FindRoomDayFn.
func (s *RoomService) FindRoomDay(ctx context.Context, roomID int64, d elective.Date) (*elective.RoomDay, error) {
	return s.FindRoomDayFn(ctx, roomID, d)
}

// FindRoomDays calls FindRoomDaysFn.
func (s *RoomService) FindRoomDays(ctx context.Context, d elective.Date) ([]*elective.RoomDay, error) {
	return s.FindRoomDaysFn(ctx, d)
}
