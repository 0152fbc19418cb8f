'use strict';

const users = new Map([['1', { id: '1', name: 'Ada', role: 'admin' }]]);
const orders = new Map([['1', { id: '1', user: '1', lines: [{ price: 5 }, { price: 7 }] }]]);

module.exports = { users, orders, events: [] };
