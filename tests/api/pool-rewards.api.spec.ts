/* The rewards catalogue and redemptions on the real app and database (issue 14): a redemption spends
 * the points in one transaction, the balance and the stock never go below zero even when many redeem
 * at once, and an admin's cancellation returns the points and the stock exactly once. */
import request from 'supertest';

import type { MyPointsDto, RedemptionDto, RewardDto } from '@peakplan/contracts';

import { createPoolMembers, type PoolMemberFixture } from '../support/pool-fixtures';
import { poolTarget } from '../support/pool-target';
import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('rewards and redemptions', () => {
  let service: TestService;
  let admin: Record<string, string>;
  let planner: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    admin = await sessionHeaders(service, 'admin@peakplan.test');
    planner = await sessionHeaders(service, 'planner@peakplan.test');
  });
  afterAll(() => service?.stop());

  const addReward = async (name: string, price: number, stock: number): Promise<RewardDto> =>
    (await request(service.url).post('/api/pool/rewards').set(admin).send({ name, price, stock }).expect(201))
      .body as RewardDto;
  const grant = (member: PoolMemberFixture, points: number) =>
    request(service.url)
      .post('/api/pool/points/grants')
      .set(planner)
      .send({ memberId: member.id, points, reason: 'test grant' })
      .expect(201);
  const balanceOf = async (member: PoolMemberFixture): Promise<number> =>
    (
      (await request(service.url).get('/api/pool/me/points').set(member.headers).expect(200))
        .body as MyPointsDto
    ).balance;
  const redeem = (member: PoolMemberFixture, rewardId: string) =>
    request(service.url).post(`/api/pool/rewards/${rewardId}/redemptions`).set(member.headers);

  it('lets an admin keep the catalogue and refuses bad rewards by field', async () => {
    const voucher = await addReward('Gift voucher €50', 100, 2);
    expect(voucher).toMatchObject({ name: 'Gift voucher €50', price: 100, stock: 2, active: true });
    const duplicate = await request(service.url)
      .post('/api/pool/rewards')
      .set(admin)
      .send({ name: 'Gift voucher €50', price: 5, stock: 1 })
      .expect(409);
    expect(JSON.stringify(duplicate.body)).toContain('name');
    for (const [body, field] of [
      [{ name: 'Free', price: 0, stock: 1 }, 'price'],
      [{ name: 'Minus', price: 10, stock: -1 }, 'stock'],
    ] as const) {
      const refused = await request(service.url).post('/api/pool/rewards').set(admin).send(body).expect(400);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    await request(service.url)
      .post('/api/pool/rewards')
      .set(planner)
      .send({ name: 'X', price: 1, stock: 1 })
      .expect(403);
    const hidden = await addReward('Retired mug', 10, 5);
    const changed = await request(service.url)
      .patch(`/api/pool/rewards/${hidden.id}`)
      .set(admin)
      .send({ active: false })
      .expect(200);
    expect(changed.body).toMatchObject({
      id: hidden.id,
      name: 'Retired mug',
      price: 10,
      stock: 5,
      active: false,
    });
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'rewards-view', count: 1 });
    const seen = (await request(service.url).get('/api/pool/rewards').set(member.headers).expect(200))
      .body as RewardDto[];
    expect(seen.map((reward) => reward.name)).toContain('Gift voucher €50');
    expect(seen.map((reward) => reward.name)).not.toContain('Retired mug');
    await redeem(member, hidden.id).expect(404);
  });

  it('spends points on a redemption and refuses one the balance cannot pay', async () => {
    const reward = await addReward('Team lunch', 100, 5);
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'rewards-spend', count: 1 });
    await grant(member, 150);
    const first = (await redeem(member, reward.id).expect(201)).body as RedemptionDto;
    // 150 − 100 = 50 left; the second lunch costs 100.
    expect(first).toMatchObject({ reward: 'Team lunch', points: 100, status: 'redeemed', balance: 50 });
    const refused = await redeem(member, reward.id).expect(409);
    expect(refused.body.code).toBe('not-enough-points');
    expect(await balanceOf(member)).toBe(50);
    const points = (await request(service.url).get('/api/pool/me/points').set(member.headers).expect(200))
      .body as MyPointsDto;
    // Spending does not lower what was earned; the redemption has its own line.
    expect(points.total).toBe(150);
    expect(points.lines.find((line) => line.kind === 'redemption')).toMatchObject({
      points: -100,
      reason: 'Redeemed: Team lunch',
    });
    const [{ stock }] = await service.dataSource.query(`select stock from pool_reward where id = $1`, [
      reward.id,
    ]);
    expect(stock).toBe(4);
  });

  it('never sells more than the stock when eight members redeem the last three at once', async () => {
    const reward = await addReward('Cinema tickets', 10, 3);
    const members = await createPoolMembers(poolTarget(service), { prefix: 'rewards-stock', count: 8 });
    for (const member of members) await grant(member, 10);
    const answers = await Promise.all(members.map((member) => redeem(member, reward.id)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(
      Array(5).fill([409, 'out-of-stock']),
    );
    const [{ stock }] = await service.dataSource.query(`select stock from pool_reward where id = $1`, [
      reward.id,
    ]);
    expect(stock).toBe(0);
    const [{ redeemed }] = await service.dataSource.query(
      `select count(*)::int as redeemed from pool_redemption where reward_id = $1 and status = 'redeemed'`,
      [reward.id],
    );
    expect(redeemed).toBe(3);
  });

  it('never lets one member spend below zero with five redemptions at once', async () => {
    const reward = await addReward('Coffee card', 10, 100);
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'rewards-balance', count: 1 });
    await grant(member, 25);
    const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(member, reward.id)));
    // 25 points buy two cards of 10; the other three are refused, 5 points remain.
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(2);
    expect(
      answers.filter((answer) => answer.status === 409 && answer.body.code === 'not-enough-points'),
    ).toHaveLength(3);
    expect(await balanceOf(member)).toBe(5);
  });

  it('returns the points and the stock when an admin cancels, once however often it is asked', async () => {
    const reward = await addReward('Headphones', 40, 1);
    const [member] = await createPoolMembers(poolTarget(service), { prefix: 'rewards-cancel', count: 1 });
    await grant(member, 40);
    const redemption = (await redeem(member, reward.id).expect(201)).body as RedemptionDto;
    expect(await balanceOf(member)).toBe(0);
    await request(service.url)
      .post(`/api/pool/redemptions/${redemption.id}/cancel`)
      .set(member.headers)
      .send({})
      .expect(403);
    const cancelled = (
      await request(service.url)
        .post(`/api/pool/redemptions/${redemption.id}/cancel`)
        .set(admin)
        .send({ reason: 'Supplier out of stock' })
        .expect(200)
    ).body as RedemptionDto;
    expect(cancelled).toMatchObject({ status: 'cancelled', balance: 40 });
    const again = (
      await request(service.url)
        .post(`/api/pool/redemptions/${redemption.id}/cancel`)
        .set(admin)
        .send({})
        .expect(200)
    ).body as RedemptionDto;
    expect(again).toMatchObject({ status: 'cancelled', balance: 40 });
    expect(await balanceOf(member)).toBe(40);
    const [{ stock }] = await service.dataSource.query(`select stock from pool_reward where id = $1`, [
      reward.id,
    ]);
    expect(stock).toBe(1);
    const mine = (await request(service.url).get('/api/pool/me/redemptions').set(member.headers).expect(200))
      .body as RedemptionDto[];
    expect(mine.map((row) => row.status)).toEqual(['cancelled']);
    const points = (await request(service.url).get('/api/pool/me/points').set(member.headers).expect(200))
      .body as MyPointsDto;
    expect(points.lines.find((line) => line.kind === 'refund')?.reason).toContain('Supplier out of stock');
  });
});
