import type { VersionedProduct } from '../../domain/types';
import { ProductStateCache } from './product-state-cache';

const product = (id: string, version = 1): VersionedProduct => ({ producto_id: id, nombre: id, precio: 1, stock: 5, estado: true, version });

describe('ProductStateCache', () => {
  it('keeps the latest state written of each product', () => {
    const cache = new ProductStateCache(10);
    cache.remember('A', product('A', 1));
    cache.remember('A', product('A', 2));
    expect(cache.get('A')?.version).toBe(2);
  });

  it('drops the products written longest ago beyond its size', () => {
    const cache = new ProductStateCache(2);
    cache.remember('A', product('A'));
    cache.remember('B', product('B'));
    cache.remember('A', product('A', 2));
    cache.remember('C', product('C'));
    expect([cache.get('A')?.version, cache.get('B'), cache.get('C')?.version]).toEqual([2, undefined, 1]);
  });

  it('forgets a product that no longer exists, or whose write failed', () => {
    const cache = new ProductStateCache(10);
    cache.remember('A', product('A'));
    cache.remember('B', product('B'));
    cache.remember('A', undefined);
    cache.forget(['B']);
    expect([cache.get('A'), cache.get('B')]).toEqual([undefined, undefined]);
  });

  it('keeps nothing with size 0', () => {
    const cache = new ProductStateCache(0);
    cache.remember('A', product('A'));
    expect(cache.get('A')).toBeUndefined();
  });
});
