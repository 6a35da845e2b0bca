package service

import (
	"net/http"
	"sync"

	"github.com/repayplan/repayplan"
)

// openapi returns the handler of GET /openapi.json: the service's OpenAPI
// 3.1 document, repayplan.OpenAPI. The document is built by reflection on
// the first request and kept: it depends on nothing but the code.
func (s *server) openapi() http.HandlerFunc {
	doc := sync.OnceValue(repayplan.OpenAPI)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			methodNotAllowed(w, r, http.MethodGet, http.MethodHead)
			return
		}
		writeJSON(w, http.StatusOK, doc())
	}
}
