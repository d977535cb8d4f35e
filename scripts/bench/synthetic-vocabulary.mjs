// The vocabulary of the synthetic 100k catalog (synthetic-100k.mjs): a Lightroom-like keyword
// tree, product words, cameras, formats, sizes and colour palettes.
// ── The tag hierarchy (~2,000 tags) ───────────────────────────────────────────────────────
export const PRODUCT_TREE = {
  Footwear: ['Sneakers', 'Boots', 'Sandals', 'Loafers', 'Heels', 'Slippers', 'Running', 'Hiking'],
  Apparel: ['Jackets', 'Coats', 'Shirts', 'T-Shirts', 'Dresses', 'Skirts', 'Trousers', 'Jeans'],
  Knitwear: ['Sweaters', 'Cardigans', 'Hoodies', 'Scarves', 'Beanies', 'Gloves', 'Vests', 'Socks'],
  Bags: ['Totes', 'Backpacks', 'Clutches', 'Crossbody', 'Duffels', 'Wallets', 'Belts', 'Pouches'],
  Jewellery: ['Rings', 'Necklaces', 'Earrings', 'Bracelets', 'Watches', 'Brooches', 'Anklets'],
  Home: ['Lamps', 'Vases', 'Cushions', 'Throws', 'Candles', 'Mirrors', 'Rugs', 'Tableware'],
  Kitchen: ['Knives', 'Pans', 'Kettles', 'Mugs', 'Bowls', 'Boards', 'Utensils', 'Storage'],
  Beauty: ['Skincare', 'Fragrance', 'Makeup', 'Haircare', 'Nails', 'Tools', 'Sets', 'Bath'],
  Sports: ['Yoga', 'Cycling', 'Swimming', 'Tennis', 'Golf', 'Fitness', 'Camping', 'Climbing'],
  Kids: ['Toys', 'Baby', 'Schoolbags', 'Outerwear', 'Shoes', 'Nightwear', 'Books', 'Games'],
  Electronics: ['Headphones', 'Speakers', 'Chargers', 'Cases', 'Cables', 'Cameras', 'Lights'],
  Eyewear: ['Sunglasses', 'Optical', 'Sport', 'Cases', 'Kids', 'Clip-ons', 'Chains'],
};
export const VARIANTS = [
  'Classic',
  'Pro',
  'Lite',
  'Max',
  'Mini',
  'Edition 2',
  'Eco',
  'Premium',
  'Core',
];
export const COLORS = [
  'Black', 'White', 'Grey', 'Navy', 'Blue', 'Red', 'Green', 'Olive', 'Beige', 'Brown',
  'Cream', 'Pink', 'Purple', 'Yellow', 'Orange', 'Teal', 'Gold', 'Silver', 'Multicolour',
  'Burgundy', 'Khaki', 'Coral', 'Mint', 'Sand',
]; // prettier-ignore
export const MATERIALS = [
  'Leather', 'Suede', 'Cotton', 'Wool', 'Cashmere', 'Linen', 'Silk', 'Denim', 'Nylon',
  'Polyester', 'Canvas', 'Ceramic', 'Glass', 'Steel', 'Brass', 'Oak', 'Walnut', 'Bamboo',
  'Rubber', 'Mesh', 'Recycled', 'Velvet', 'Corduroy', 'Fleece', 'Gold plated', 'Silver 925',
  'Porcelain', 'Stoneware', 'Aluminium', 'Cork',
]; // prettier-ignore
export const SHOTS = [
  'Front', 'Back', 'Side', 'Three-quarter', 'Top', 'Bottom', 'Detail', 'Macro', 'Flatlay',
  'Ghost mannequin', 'On-model', 'Lifestyle', 'Packshot', 'Group', 'Scale', 'Open', 'Closed',
  'Interior', 'Sole', 'Label', 'Texture', 'Spin 360', 'In use', 'Hero', 'Swatch', 'Packaging',
  'Unboxing', 'Walking', 'Seated', 'Close-up',
]; // prettier-ignore
export const USAGE = [
  'Web|PDP', 'Web|Category', 'Web|Banner', 'Social|Instagram', 'Social|TikTok',
  'Social|Pinterest', 'Print|Catalogue', 'Print|Lookbook', 'Marketplace|Amazon',
  'Marketplace|Zalando', 'Marketplace|eBay', 'Newsletter', 'Press', 'Wholesale', 'Internal',
]; // prettier-ignore
export const STATUS = [
  'Approved',
  'Retouched',
  'Needs retouch',
  'Final',
  'Selected',
  'Client review',
];
export const FIRST = [
  'Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Kira',
  'Lena', 'Malik', 'Nora', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sami', 'Tara', 'Uwe', 'Vera',
  'Wim', 'Xenia', 'Yusuf', 'Zoë',
]; // prettier-ignore
export const LAST = [
  'Schmidt', 'Müller', 'Berg', 'Novak', 'Rossi', 'Dubois', 'Jensen', 'Kowalski', 'Santos',
  'Okafor', 'Tanaka', 'Larsen',
]; // prettier-ignore
export const WORDS = [
  'Nord', 'Alba', 'Kite', 'Moss', 'Ember', 'Cobalt', 'Linden', 'Fjord', 'Atlas', 'Juniper',
  'Vale', 'Orbit', 'Harbor', 'Pine', 'Quartz', 'Sable', 'Tundra', 'Willow', 'Zephyr', 'Birch',
]; // prettier-ignore

// ── Files ────────────────────────────────────────────────────────────────────────────────
export const FORMATS = [
  // [extension, format, kind, weight, camera makes]
  ['jpg', 'jpeg', 'image', 52, 'any'],
  ['png', 'png', 'image', 10, null],
  ['tif', 'tiff', 'image', 3, null],
  ['webp', 'webp', 'image', 3, null],
  ['cr2', 'cr2', 'raw', 8, 'canon'],
  ['cr3', 'cr3', 'raw', 5, 'canon'],
  ['nef', 'nef', 'raw', 8, 'nikon'],
  ['arw', 'arw', 'raw', 6, 'sony'],
  ['dng', 'dng', 'raw', 2, 'leica'],
  ['raf', 'raf', 'raw', 1, 'fuji'],
  ['heic', 'heic', 'image', 1, 'apple'],
  ['mp4', 'mp4', 'video', 0.5, 'sony'],
  ['pdf', 'pdf', 'document', 0.5, null],
];
export const CAMERAS = {
  canon: ['Canon EOS R5', 'Canon EOS 5D Mark IV', 'Canon EOS R6 Mark II'],
  nikon: ['Nikon Z 8', 'Nikon D850', 'Nikon Z 7_2'],
  sony: ['Sony ILCE-7RM5', 'Sony ILCE-7RM4', 'Sony ILCE-1'],
  leica: ['Leica SL2', 'Leica Q3'],
  fuji: ['Fujifilm GFX100S', 'Fujifilm X-T5'],
  apple: ['Apple iPhone 15 Pro', 'Apple iPhone 16 Pro'],
};
export const ALL_CAMERAS = Object.values(CAMERAS).flat();
export const CAMERA_PREFIX = {
  canon: 'IMG_',
  nikon: 'DSC_',
  sony: 'DSC0',
  leica: 'L100',
  fuji: 'DSCF',
};
export const SIZES = {
  raw: [
    [8192, 5464],
    [8256, 5504],
    [6000, 4000],
    [9504, 6336],
  ],
  jpeg: [
    [2000, 2000],
    [3000, 4000],
    [1200, 1600],
    [4000, 3000],
    [2400, 2400],
    [1080, 1350],
  ],
  png: [
    [2000, 2000],
    [1000, 1000],
    [3000, 3000],
    [800, 800],
  ],
};
export const PALETTE = {
  white: '#f4f4f2',
  black: '#141414',
  grey: '#8a8a8a',
  red: '#c0262d',
  orange: '#e07b24',
  yellow: '#e8c93a',
  green: '#3a8a3f',
  blue: '#2a5db0',
  purple: '#6e3fa3',
  pink: '#e58fb1',
  brown: '#7a5233',
  beige: '#d9c7a7',
};
export const PALETTE_NAMES = Object.keys(PALETTE);

/** A pool of real ThumbHash placeholders: soft two-colour gradients. */
