// Responses cached per id, for every domain.
const cache = new Map();

let pageSize = 20;

function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key);
}

module.exports = { cache, pageSize, cached };
