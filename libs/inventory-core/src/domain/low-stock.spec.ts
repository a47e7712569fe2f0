import { lowStock } from './low-stock';

describe('lowStock', () => {
  it('announces a line whose stock went down and ended under STOCK_MINIMO', () => {
    const lines = [
      { producto_id: 'PRO001', cantidad: -2, stock_resultante: 4 },
      { producto_id: 'PRO002', cantidad: -2, stock_resultante: 5 },
      { producto_id: 'PRO003', cantidad: -1, stock_resultante: 0 },
    ];
    expect(lowStock(lines, 5).map((line) => line.producto_id)).toEqual(['PRO001', 'PRO003']);
  });

  it('does not announce a line that added stock or left it as it was, even under the minimum', () => {
    const lines = [
      { producto_id: 'PRO001', cantidad: 2, stock_resultante: 3 },
      { producto_id: 'PRO002', cantidad: 0, stock_resultante: 1 },
    ];
    expect(lowStock(lines, 5)).toEqual([]);
  });

  it('uses 5 as STOCK_MINIMO when none is given', () => {
    expect(lowStock([{ producto_id: 'PRO001', cantidad: -1, stock_resultante: 4 }])).toHaveLength(1);
  });
});
