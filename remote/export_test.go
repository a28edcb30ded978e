package remote

import "context"

// MaxCachedTiles is the bound on a Client's tiles above level 0.
const MaxCachedTiles = maxCachedTiles

// VerifyCaching is Verify with a client keeping at most maxTiles tiles
// above level 0; it returns also the most tiles above level 0, and the
// most level-0 tiles, the cache held after any bundle's check.
func VerifyCaching(ctx context.Context, url string, opts Options, maxTiles int) (res *Result, upper, level0 int, err error) {
	c := newClient(url, opts.Client, maxTiles)
	progress := opts.Progress
	opts.Progress = func(done, total int64) {
		c.mu.Lock()
		upper, level0 = max(upper, c.cache.len()), max(level0, len(c.cache.level0))
		c.mu.Unlock()
		if progress != nil {
			progress(done, total)
		}
	}
	res, err = verify(ctx, c, opts)
	return res, upper, level0, err
}
