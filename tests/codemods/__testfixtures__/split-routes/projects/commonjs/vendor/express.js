'use strict';
// Stands in for express: the test installs `factory`, which returns a recording router.
function express() {
  return express.factory();
}
express.Router = (options) => express.factory(options);
express.json = () => function jsonParser(req, res, next) {
  next();
};
express.factory = () => {
  throw new Error('no router factory installed');
};
module.exports = express;
