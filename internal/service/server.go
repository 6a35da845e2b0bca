package service

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Server timeouts. The heaviest request computes in well under a second, so
// these bound slow clients, not the work.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
)

// NewServer returns an http.Server for h with the service's timeouts and a
// 64 KiB header limit, logging its own errors to logger.
func NewServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// Serve answers on ln until ctx is done, then shuts down gracefully,
// waiting up to shutdownTimeout for requests in flight. At most maxConns
// connections are open at once (zero or less: DefaultMaxConns). It returns
// nil after a clean shutdown.
func Serve(ctx context.Context, ln net.Listener, opts Options, maxConns int, shutdownTimeout time.Duration) error {
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	if maxConns <= 0 {
		maxConns = DefaultMaxConns
	}
	ln = newLimitListener(ln, maxConns)
	srv := NewServer(Handler(opts), logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("listening", "addr", ln.Addr().String())

	select {
	case err := <-errc:
		return err // Serve failed before ctx ended
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
